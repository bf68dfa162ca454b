import { emailOfLength, filler, type TextShape } from "./max-values.ts";

/**
 * A handbook pathway page whose JSON string is at most `maxBytes` UTF-8 bytes: front matter,
 * then `## Year N` and `### QN` stages of 100 numbered items each, every item a long line in
 * the shape with links.
 */
export function maximalHandbookPage(shape: TextShape, maxBytes: number): string {
  const lines: string[] = [];
  // Each line costs its JSON-escaped bytes plus the escaped line break ("\n", two bytes).
  let size = 2;
  const add = (line: string) => {
    const cost = Buffer.byteLength(JSON.stringify(line)) - 2 + 2;
    if (size + cost > maxBytes) return false;
    lines.push(line);
    size += cost;
    return true;
  };
  add("---");
  add(`title: ${filler(shape, 200)}`);
  add(`description: ${filler(shape, 2_000)}`);
  add("---");
  add("");
  const itemText = filler(shape, 1_500);
  for (let year = 1; year <= 50; year++) {
    if (!add(`## Year ${year}`) || !add("")) break;
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (!add(`### Q${quarter}`) || !add("")) return lines.join("\n");
      for (let item = 0; item < 100; item++) {
        const link = `https://example.com/${year}/${quarter}/${item}`;
        const line = `1. [${filler(shape, 120)}](${link}) ${itemText} [more](/handbook/${item})`;
        if (!add(line)) return lines.join("\n");
      }
      add("");
    }
  }
  return lines.join("\n");
}

/**
 * A people CSV of about `bytes` UTF-8 bytes: every column at its largest, a reporting tree eight
 * wide under `rootManagerEmail`, unique addresses per `tag`.
 */
export function maximalPeopleCsv(
  shape: TextShape,
  bytes: number,
  tag: string,
  rootManagerEmail: string,
): string {
  const header = [
    "email",
    "name",
    "preferred_name",
    "job_title",
    "division",
    "department",
    "team",
    "manager_email",
    "hire_date",
    "location",
    "time_zone",
  ].join(",");
  const rows = [header];
  const emails: string[] = [];
  let size = Buffer.byteLength(header) + 1;
  for (let index = 0; index < 50_000; index++) {
    const email = emailOfLength(`${tag}${index}x`, 254);
    const manager = index === 0 ? rootManagerEmail : emails[Math.floor((index - 1) / 8)];
    const row = [
      email,
      filler(shape, 200),
      filler(shape, 200),
      filler(shape, 200),
      filler(shape, 120),
      filler(shape, 120),
      filler(shape, 120),
      manager,
      "2023-04-01",
      filler(shape, 200),
      "America/Argentina/ComodRivadavia",
    ].join(",");
    const rowBytes = Buffer.byteLength(row) + 1;
    if (size + rowBytes > bytes) break;
    rows.push(row);
    emails.push(email);
    size += rowBytes;
  }
  return `${rows.join("\n")}\n`;
}
