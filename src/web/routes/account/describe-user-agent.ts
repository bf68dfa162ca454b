export interface DeviceDescription {
  /** e.g. "Firefox on macOS" */
  label: string;
  mobile: boolean;
}

// Order matters: Edge and Opera also claim Chrome, and Chrome also claims Safari.
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** A short, human name for the device behind a session, from its user agent. */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { label: "Unknown device", mobile: false };
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  const mobile = /Mobi|iPhone|iPad|iPod|Android/.test(userAgent);
  const label =
    browser && system ? `${browser} on ${system}` : (browser ?? system ?? "Unknown device");
  return { label, mobile };
}
