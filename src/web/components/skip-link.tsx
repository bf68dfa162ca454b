export const mainContentId = "main-content";

export function SkipLink() {
  return (
    <a className="skip-link" href={`#${mainContentId}`}>
      Skip to content
    </a>
  );
}
