import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown.tsx";

function render(text: string): string {
  return renderToStaticMarkup(
    <MantineProvider>
      <Markdown>{text}</Markdown>
    </MantineProvider>,
  );
}

const payloads = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '![pixel](https://tracker.example/p.gif "t")',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  "[a](<javascript:alert(1)>)",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
];

describe("Markdown", () => {
  it.each(payloads)("renders %j inert", (payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/<(script|iframe|svg|math|details|img)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    expect(html).not.toContain("tracker.example");
  });

  it("keeps safe links, opening them in a new tab without an opener", () => {
    const html = render(
      "Read [the guide](https://handbook.example/igp) or [mail me](mailto:a@b.example).",
    );
    expect(html).toContain('href="https://handbook.example/igp"');
    expect(html).toContain('href="mailto:a@b.example"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
  });

  it("still renders ordinary Markdown", () => {
    const html = render("## Goals\n\n1. **Lead** a project\n2. Find a _mentor_");
    expect(html).toContain("<h2>Goals</h2>");
    expect(html).toContain("<strong>Lead</strong>");
    expect(html).toContain("<em>mentor</em>");
    expect(html).toMatch(/<ol>/);
  });
});
