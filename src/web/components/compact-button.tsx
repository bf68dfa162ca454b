import { Button, type ButtonProps } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ComponentPropsWithoutRef } from "react";

type CompactButtonProps = Omit<ButtonProps, "size" | "leftSection"> &
  Omit<ComponentPropsWithoutRef<"button">, keyof ButtonProps | "style"> & {
    icon?: Icon;
  };

/**
 * The small button of an action on one entry of a list (Edit, Hide, Archive): subtle and gray
 * unless told otherwise.
 */
export function CompactButton({
  icon: ActionIcon,
  variant = "subtle",
  color,
  ...props
}: CompactButtonProps) {
  return (
    <Button
      size="compact-sm"
      variant={variant}
      color={color ?? (variant === "subtle" ? "gray" : undefined)}
      leftSection={ActionIcon && <ActionIcon size={16} aria-hidden />}
      {...props}
    />
  );
}
