// Applies the saved colour scheme before the first paint so dark mode does not flash white.
// A file rather than an inline script because the CSP allows scripts from 'self' only.
// Mirrors Mantine's ColorSchemeScript with defaultColorScheme "auto".
try {
  const stored = window.localStorage.getItem("mantine-color-scheme-value");
  const prefersDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const scheme = stored === "light" || stored === "dark" ? stored : prefersDark ? "dark" : "light";
  document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
} catch {
  // Storage may be blocked; Mantine applies the scheme itself once React starts.
}
