import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on narrow screens. The scrolling area is a named region that
 * takes keyboard focus, so it can be scrolled with the arrow keys too.
 */
export function ScrollableTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: "region", "aria-label": label },
      }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
