import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeMarkdown, relativizeLinks } from "./pathway-markdown.ts";
import { plainText } from "./pathway-text.ts";

describe("normalizeMarkdown", () => {
  it("recovers an address glued into the text of a link with an empty target", () => {
    const result = normalizeMarkdown("[Product Managementhttps://example.com/hub]()");
    expect(result.markdown).toBe("[Product Management](https://example.com/hub)");
    expect(result.links).toEqual([{ text: "Product Management", url: "https://example.com/hub" }]);
    expect(result.problems).toEqual([
      {
        line: 0,
        message:
          'Link "Product Management" has an empty target; used the address written in its text (https://example.com/hub)',
      },
    ]);
  });

  it("reads a link with a stray closing bracket", () => {
    const result = normalizeMarkdown("a\nJoin [Elevate]](/handbook/elevate/) today");
    expect(result.markdown).toBe(
      "a\nJoin [Elevate](https://handbook.gitlab.com/handbook/elevate/) today",
    );
    expect(result.problems).toEqual([{ line: 1, message: expect.stringMatching(/stray "\]"/) }]);
  });

  it("resolves relative targets against the base URL and keeps absolute ones", () => {
    const result = normalizeMarkdown(
      "[a](/handbook/a) [b](https://about.gitlab.com/b) [c](#c) [d](d/e) [f](//cdn.example.com/f) [g](mailto:x@example.com)",
      "https://wiki.example.org/mirror/",
    );
    expect(result.links.map((link) => link.url)).toEqual([
      "https://wiki.example.org/mirror/handbook/a",
      "https://about.gitlab.com/b",
      "https://wiki.example.org/mirror/#c",
      "https://wiki.example.org/mirror/d/e",
      "https://cdn.example.com/f",
      "mailto:x@example.com",
    ]);
  });

  it("keeps titles, images and balanced parentheses in targets", () => {
    const text = '![logo](/logo.png "Logo") [wiki](https://en.wikipedia.org/wiki/Foo_(bar))';
    expect(normalizeMarkdown(text).markdown).toBe(
      '![logo](https://handbook.gitlab.com/logo.png "Logo") [wiki](https://en.wikipedia.org/wiki/Foo_(bar))',
    );
  });

  it("unlinks unsafe or empty targets but keeps their words", () => {
    const result = normalizeMarkdown(
      "[run](javascript:alert(1)) [[x]]() [data](data:text/html,hi)",
    );
    expect(result.markdown).toBe("run \\[x\\] data");
    expect(result.links).toEqual([]);
    expect(result.problems).toHaveLength(3);
  });

  it("leaves code spans, escaped brackets, reference links and plain brackets alone", () => {
    const text = "`[x]()` \\[y\\](/z) [ref][1] [just brackets] (and parens)";
    const result = normalizeMarkdown(text);
    expect(result.markdown).toBe(text);
    expect(result.links).toEqual([]);
  });

  it("lets an inner link win over an outer one, as CommonMark does", () => {
    expect(normalizeMarkdown("[a [b](/b) c](/d)").links).toEqual([
      { text: "b", url: "https://handbook.gitlab.com/b" },
    ]);
  });

  it("strips control characters, carriage returns and trailing spaces", () => {
    expect(normalizeMarkdown("  a\u0007b  \r\n\r\nc\t \n\n").markdown).toBe("ab\n\nc");
  });

  it("is a fixed point: normalizing twice changes nothing", () => {
    const piece = fc.constantFrom(
      "[",
      "]",
      "(",
      ")",
      "]]",
      "]()",
      "`",
      "\\",
      "!",
      " ",
      "\n",
      "a",
      "/x",
      "https://e.com/",
      "javascript:",
      "<",
      ">",
      '"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const once = normalizeMarkdown(pieces.join(""));
        const twice = normalizeMarkdown(once.markdown);
        expect(twice.markdown).toBe(once.markdown);
        expect(twice.links).toEqual(once.links);
        expect(twice.problems).toEqual([]);
        for (const link of once.links) expect(link.url).toMatch(/^(?:https?:\/\/|mailto:)/);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("normalizeMarkdown reads Markdown as CommonMark does", () => {
  it("removes a stray closing bracket after a link and says so", () => {
    const result = normalizeMarkdown("See\n[text](/path)] and [b](/b)]]");
    expect(result.markdown).toBe(
      "See\n[text](https://handbook.gitlab.com/path) and [b](https://handbook.gitlab.com/b)",
    );
    expect(result.problems).toEqual([
      { line: 1, message: 'Link "text" is followed by a stray "]"; it is removed' },
      { line: 1, message: 'Link "b" is followed by a stray "]"; it is removed' },
    ]);
    expect(normalizeMarkdown("[see [doc](/x)]").problems).toEqual([]);
  });

  it("writes raw HTML as text but keeps comments", () => {
    const result = normalizeMarkdown(
      "<iframe src=x></iframe>\n\nA <b onclick=x>word</b> <!-- note -->",
    );
    expect(result.markdown).toBe(
      "&lt;iframe src=x>&lt;/iframe>\n\nA &lt;b onclick=x>word&lt;/b> <!-- note -->",
    );
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'Raw HTML "<iframe src=x></iframe>" is kept as text',
      'Raw HTML "<b onclick=x>" is kept as text',
      'Raw HTML "</b>" is kept as text',
    ]);
    expect(normalizeMarkdown("<!-- a --!><script>x</script> -->").markdown).toBe(
      "&lt;!-- a --!>&lt;script>x&lt;/script> -->",
    );
  });

  it("resolves link reference definitions and removes unsafe ones, wherever they are", () => {
    const result = normalizeMarkdown(
      "[a][x] [b][y\nz] [c][w]\n\n[x]: /handbook/x\n[y\nz]: javascript:alert(1)\n- [w]: data:text/html,x",
    );
    expect(result.markdown).toBe(
      "[a][x] [b][y\nz] [c][w]\n\n[x]: https://handbook.gitlab.com/handbook/x\n-",
    );
    expect(result.links).toEqual([{ text: "a", url: "https://handbook.gitlab.com/handbook/x" }]);
    expect(result.problems.map((problem) => problem.line)).toEqual([4, 6]);
  });

  it("lists web autolinks and makes other autolinks text", () => {
    const result = normalizeMarkdown(
      "<https://example.com/a> <mailto:x@example.com> <javascript:x>",
    );
    expect(result.markdown).toBe(
      "<https://example.com/a> <mailto:x@example.com> &lt;javascript:x>",
    );
    expect(result.links).toEqual([
      { text: "https://example.com/a", url: "https://example.com/a" },
      { text: "x@example.com", url: "mailto:x@example.com" },
    ]);
  });

  it("reads what CommonMark reads as a link, and only that", () => {
    // Destinations may span lines or sit in angle brackets; code and indented code hold none.
    const result = normalizeMarkdown("[a](\n/x) [b](<a b>)\n\n    [c](/code)\n\n``[d](/e)``");
    expect(result.links).toEqual([
      { text: "a", url: "https://handbook.gitlab.com/x" },
      { text: "b", url: "https://handbook.gitlab.com/a%20b" },
    ]);
    expect(result.markdown).toContain("    [c](/code)");
  });
});

describe("relativizeLinks", () => {
  it("writes links under the base as root-relative and leaves the rest", () => {
    expect(
      relativizeLinks(
        "[a](https://handbook.gitlab.com/handbook/a) [b](https://about.gitlab.com/b) [c](https://handbook.gitlab.com)",
        "https://handbook.gitlab.com/",
      ),
    ).toBe("[a](/handbook/a) [b](https://about.gitlab.com/b) [c](https://handbook.gitlab.com)");
  });
});

describe("plainText", () => {
  it("keeps the words a reader sees", () => {
    expect(
      plainText("**Join** the [CEO Shadow](https://x.test) `program`\n- now <!-- hidden -->"),
    ).toBe("Join the CEO Shadow program now");
  });
});
