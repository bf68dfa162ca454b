import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./describe-user-agent.ts";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Chrome on Linux",
      false,
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge on Windows",
      false,
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
      "Firefox on macOS",
      false,
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
      true,
    ],
    ["curl/8.5.0", "Unknown device", false],
  ])("names %s as %s", (userAgent, label, mobile) => {
    expect(describeUserAgent(userAgent)).toEqual({ label, mobile });
  });

  it("names a missing user agent as an unknown device", () => {
    expect(describeUserAgent(null)).toEqual({ label: "Unknown device", mobile: false });
  });
});
