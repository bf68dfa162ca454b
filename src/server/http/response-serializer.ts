import { isDeepStrictEqual } from "node:util";
import { InvalidSchemaError, ResponseSerializationError } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { $ZodType, safeEncode } from "zod/v4/core";

type SerializerCompiler = (route: {
  schema: unknown;
  method: string;
  url: string;
}) => (data: unknown) => string | Buffer;

/**
 * Writes responses with JSON.stringify. Handlers return values of their route's response type
 * (the zod type provider checks that at compile time); with `check`, every response is also
 * encoded through its schema and must come out equal, so a field the schema does not declare, a
 * missing one or a value of the wrong shape fails the request that sent it (docs/decisions/013).
 */
export function responseSerializerCompiler(options: { check: boolean }): SerializerCompiler {
  return ({ schema, method, url }) => {
    if (!(schema instanceof $ZodType)) throw new InvalidSchemaError(JSON.stringify(schema));
    const zodSchema = schema;
    if (!options.check) return (data) => asPayload(JSON.stringify(data));
    return (data) => {
      const json = JSON.stringify(data);
      checkAnswer(zodSchema, data, json, { method, url });
      return asPayload(json);
    };
  };
}

/** Throws unless `json` (the answer `data` as sent) equals the answer encoded by its schema. */
export function checkAnswer(
  schema: $ZodType,
  data: unknown,
  json: string,
  route: { method: string; url: string },
): void {
  const encoded = safeEncode(schema, data);
  if (encoded.error)
    throw new ResponseSerializationError(route.method, route.url, { cause: encoded.error });
  const expected: unknown = JSON.parse(JSON.stringify(encoded.data));
  if (!isDeepStrictEqual(JSON.parse(json), expected)) {
    const message = `The response differs from its schema's encoding: ${json.slice(0, 500)}`;
    throw new ResponseSerializationError(route.method, route.url, {
      cause: new ZodError([{ code: "custom", path: [], message, input: data }]),
    });
  }
}

const nonAscii = /[\u0080-\uffff]/g;
const escapeCodeUnit = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * The bytes to send. Node turns a string holding any character beyond Latin-1 (a curly quote, an
 * em dash) into UTF-8 several times slower than an ASCII one, and does it twice (length, then
 * body). When such characters are rare, escaping them as \uXXXX (still the same JSON) keeps the
 * whole answer ASCII: a pathway page with nine of them in 26 KB goes from about 48 µs of encoding
 * to 17. Text made mostly of them (a name list in Cyrillic, say) is encoded as UTF-8 once.
 */
export function asPayload(json: string): string | Buffer {
  const bytes = Buffer.byteLength(json);
  if (bytes === json.length) return json;
  if (bytes - json.length > json.length / 64) return Buffer.from(json);
  return Buffer.from(json.replace(nonAscii, escapeCodeUnit), "latin1");
}
