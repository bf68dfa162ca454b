import type { PathwayLink } from "#core/pathway/pathway.schemas.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  findDefaultTemplate,
  listLiveItems,
  updateItem,
  updateTemplate,
} from "#server/modules/pathways/pathway.queries.ts";
import { shippedPathwayKey } from "#server/modules/pathways/pathway-defaults.ts";

/** The handbook's company, as the shipped page names it, and the demo company's own name. */
export const handbookCompany = "GitLab";
export const demoCompany = "Northwind";

/** Link targets and bare addresses: they point at the handbook and keep its name. */
const addresses = /(\]\([^)]*\)|<https?:[^>]*>|https?:\/\/[^\s)\]]+)/;

/** The text with the demo company in place of the handbook's, leaving addresses as they are. */
export function speakOfTheDemo(text: string): string {
  return text
    .split(addresses)
    .map((part, index) => (index % 2 === 1 ? part : part.replaceAll(handbookCompany, demoCompany)))
    .join("");
}

/**
 * The demo company follows the shipped pathway as its own: the name, description and items
 * speak of the demo company. The attribution to the handbook it was adapted from is kept
 * unchanged; a default an administrator chose or renamed is left alone.
 */
export async function adaptShippedPathwayForDemo(
  trx: Db,
  ctx: Pick<AppContext, "clock">,
): Promise<void> {
  const template = await findDefaultTemplate(trx);
  if (!template || template.shipped_key !== shippedPathwayKey) return;
  if (!template.name.includes(handbookCompany)) return;
  const now = ctx.clock.now().toISOString();
  for (const item of await listLiveItems(trx, template.id)) {
    const links: PathwayLink[] = item.links.map((link) => ({
      ...link,
      text: speakOfTheDemo(link.text),
    }));
    await updateItem(trx, item.id, {
      title: speakOfTheDemo(item.title),
      description: speakOfTheDemo(item.description),
      audience_note: item.audience_note === null ? null : speakOfTheDemo(item.audience_note),
      links: JSON.stringify(links),
      updated_at: now,
    });
  }
  await updateTemplate(trx, template.id, {
    name: speakOfTheDemo(template.name),
    description: speakOfTheDemo(template.description),
    audience: speakOfTheDemo(template.audience),
    updated_at: now,
    content_version: template.content_version + 1,
  });
}
