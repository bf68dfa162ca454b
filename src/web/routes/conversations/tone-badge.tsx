import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./tone-badge.module.css";

export type Tone = "blue" | "yellow" | "green" | "orange" | "gray";

/** A light badge whose text keeps AA contrast in both themes. */
export function ToneBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Badge color={tone} variant="light" tt="none" className={classes[tone]} c="var(--tone-text)">
      {children}
    </Badge>
  );
}

/** Something overdue: white on a red dark enough for small text (AA). */
export function OverdueBadge() {
  return (
    <Badge color="red.9" variant="filled" tt="none">
      Overdue
    </Badge>
  );
}
