import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { IconMoon, IconSun } from "@tabler/icons-react";
import classes from "./color-scheme-toggle.module.css";

export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const isDark = useComputedColorScheme("light") === "dark";
  const hint = isDark ? "Switch to light theme" : "Switch to dark theme";

  return (
    <span className={classes.toggle}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Dark theme"
        aria-pressed={isDark}
        onClick={() => setColorScheme(isDark ? "light" : "dark")}
      >
        {isDark ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
      {/* The button's name and pressed state already say this to assistive technology. */}
      <span className={classes.hint} aria-hidden>
        {hint}
      </span>
    </span>
  );
}
