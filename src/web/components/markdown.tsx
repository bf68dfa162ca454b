import { Anchor, Typography } from "@mantine/core";
import ReactMarkdown, { type Components } from "react-markdown";
import { isSafeLinkDestination } from "#core/safe-markdown.ts";

/**
 * Renders what people write. Raw HTML is dropped (never parsed into the page), links and images
 * keep only http(s) and mailto destinations, and links open in a new tab without an opener.
 * The one way to show user-written Markdown in the app.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown skipHtml urlTransform={keepSafeUrl} components={components}>
        {children}
      </ReactMarkdown>
    </Typography>
  );
}

function keepSafeUrl(url: string): string {
  return isSafeLinkDestination(url) ? url : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      // Underlined: inside running text, colour alone does not tell a link apart (WCAG 1.4.1).
      // `td` as well: Typography's own `a { text-decoration: none }` has the same specificity as
      // Anchor's underline and wins whenever its stylesheet happens to load later.
      <Anchor
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        underline="always"
        td="underline"
      >
        {children}
      </Anchor>
    ) : (
      <span>{children}</span>
    ),
  // Remote images would let a writer track who reads their text; show the alt text instead.
  img: ({ alt }) => <span>{alt ? `[${alt}]` : ""}</span>,
};
