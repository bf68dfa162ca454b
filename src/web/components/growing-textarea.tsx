import { Textarea, type TextareaProps } from "@mantine/core";
import type { ComponentPropsWithoutRef } from "react";

type GrowingTextareaProps = TextareaProps &
  Omit<ComponentPropsWithoutRef<"textarea">, keyof TextareaProps | "style">;

/** A text area that grows with what is typed, from two lines to eight unless told otherwise. */
export function GrowingTextarea(props: GrowingTextareaProps) {
  return <Textarea autosize minRows={2} maxRows={8} {...props} />;
}
