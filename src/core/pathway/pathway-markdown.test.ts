import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeMarkdown, plainText, relativizeLinks } from "./pathway-markdown.ts";

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
