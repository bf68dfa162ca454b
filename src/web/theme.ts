import {
  Anchor,
  Avatar,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  Notification,
} from "@mantine/core";

// A leafy green chosen so white text on the filled shade (7 light, 8 dark) passes WCAG AA.
const trellis: MantineColorsTuple = [
  "#e7f6ee",
  "#d0eadc",
  "#a3d4b9",
  "#72bd94",
  "#4aa974",
  "#319d61",
  "#239656",
  "#168246",
  "#0b733c",
  "#00632f",
];

export const theme = createTheme({
  colors: { trellis },
  primaryColor: "trellis",
  primaryShade: { light: 7, dark: 8 },
  autoContrast: true,
  defaultRadius: "md",
  cursorType: "pointer",
  focusRing: "auto",
  components: {
    // Inside running text, colour alone must not be what tells a link apart (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: "always" } }),
    // Initials on a filled circle; pages use the primary colour, whose filled shades keep white
    // text at AA contrast (per-name "initials" colours do not all reach it).
    Avatar: Avatar.extend({ defaultProps: { variant: "filled", autoContrast: true } }),
    // A notification's close button is an icon alone: it needs a name.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { "aria-label": "Close notification" } },
    }),
  },
  headings: {
    fontWeight: "650",
    // Long names must still fit a 360px-wide phone without a three-line heading.
    sizes: { h1: { fontSize: "clamp(1.625rem, 1.25rem + 1.5vw, 2.125rem)" } },
  },
});

/**
 * Mantine's default dimmed, error and placeholder colours fall below WCAG AA contrast (about
 * 3.3:1 on white and 4.0:1 on dark); these keep them at 4.5:1 or better.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "#6b7280",
  },
  dark: {
    "--mantine-color-dimmed": "#a3a3a3",
    "--mantine-color-error": "var(--mantine-color-red-5)",
    "--mantine-color-placeholder": "#a3a3a3",
  },
});
