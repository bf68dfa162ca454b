import { useDocumentTitle } from "@mantine/hooks";

/** Screen-reader users hear the title on every page change, so each page names itself. */
export function usePageTitle(title: string) {
  useDocumentTitle(`${title} · Trellis`);
}
