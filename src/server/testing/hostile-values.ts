import fc from "fast-check";

/** Strings that break naive code: control and format characters, lone surrogates, sizes. */
export const hostileString = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\ud800",
  "\udfff\ud800",
  "\u202e\u202dreversed",
  "\u200b\u200c\u200d\ufeff",
  "e\u0301\u0301\u0301\u0301",
  "👩🏽‍💻🏳️‍🌈",
  "%00%ZZ%",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "'; DROP TABLE people; --",
  '=HYPERLINK("http://evil.example")',
  "x".repeat(70_000),
  "9".repeat(400),
);

/** Values of the wrong JSON type for whatever the field expects. */
export const wrongTypeValue = fc.constantFrom<unknown>(
  null,
  true,
  0,
  -1,
  1e308,
  [],
  [null],
  {},
  { nested: { deeper: [1, "two"] } },
  "not-the-type",
);

export type Mutation = (value: unknown) => fc.Arbitrary<string>;

/**
 * A JSON text derived from a valid value: one field replaced by a hostile string or a value of
 * the wrong type, an extra field, prototype-polluting keys, or a body of the wrong type.
 * Returned as text so that `__proto__` survives serialization.
 */
export function hostileJsonFrom(value: unknown): fc.Arbitrary<string> {
  const asObject = value !== null && typeof value === "object" && !Array.isArray(value);
  const keys = asObject ? Object.keys(value as object) : [];
  const replaceField = (replacement: fc.Arbitrary<unknown>) =>
    keys.length === 0
      ? replacement.map((hostile) => JSON.stringify(hostile))
      : fc
          .tuple(fc.constantFrom(...keys), replacement)
          .map(([key, hostile]) => JSON.stringify({ ...(value as object), [key]: hostile }));
  const withKey = (key: string, inner: string) => {
    const rest = asObject ? JSON.stringify(value).slice(1) : "}";
    return `{"${key}":${inner}${rest === "}" ? "}" : `,${rest}`}`;
  };
  return fc.oneof(
    replaceField(hostileString),
    replaceField(wrongTypeValue),
    fc.constant(JSON.stringify({ ...(asObject ? (value as object) : {}), unexpectedField: 1 })),
    fc.constant(withKey("__proto__", '{"role":"admin","isAdmin":true}')),
    fc.constant(withKey("constructor", '{"prototype":{"role":"admin"}}')),
    wrongTypeValue.map((hostile) => JSON.stringify(hostile)),
    fc.constantFrom("{", "[1,", '{"a":}', "nul", '"unterminated'),
  );
}
