import { newId } from "#core/ids.ts";
import { learningFormats, learningResourceKinds } from "#core/learning/resources.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { slugify } from "#server/modules/career-paths/career-keys.ts";
import { insertTerms } from "#server/modules/learning/learning.queries.ts";
import { vocabularyOf } from "#server/modules/learning/learning-words.ts";

/**
 * A learning directory of `count` resources: titles and descriptions drawn from a vocabulary of
 * topics, 1–3 skills each from 60, every kind and format, costs and durations spread over their
 * bands, so searches match hundreds to thousands of rows as in a large real directory.
 */

const batchSize = 500;

export const learningTopics = [
  "negotiation",
  "forecasting",
  "coaching",
  "facilitation",
  "leadership",
  "storytelling",
  "pricing",
  "analytics",
  "python",
  "statistics",
  "accessibility",
  "design",
  "security",
  "kubernetes",
  "writing",
  "feedback",
  "hiring",
  "onboarding",
  "budgeting",
  "strategy",
  "marketing",
  "product",
  "research",
  "mentoring",
  "presenting",
  "delegation",
  "prioritisation",
  "planning",
  "governance",
  "compliance",
  "privacy",
  "testing",
  "architecture",
  "databases",
  "networking",
  "cloud",
  "observability",
  "incident",
  "customer",
  "support",
  "sales",
  "partnerships",
  "procurement",
  "finance",
  "accounting",
  "legal",
  "contracts",
  "diversity",
  "inclusion",
  "wellbeing",
  "resilience",
  "productivity",
  "meetings",
  "remote",
  "conflict",
  "conversations",
  "influence",
  "decisions",
  "experimentation",
  "roadmaps",
];
const levels = [
  "Introduction to",
  "Practical",
  "Advanced",
  "Essentials of",
  "Mastering",
  "Applied",
];
const forms = ["workshop", "course", "handbook", "masterclass", "series", "guide", "bootcamp"];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

export async function generateLearningDirectory(db: Db, count: number, now: Date): Promise<void> {
  const at = now.toISOString();
  const terms = new Set<string>();
  for (let start = 0; start < count; start += batchSize) {
    const resources = [];
    const skills: {
      resource_id: string;
      skill_key: string;
      skill_name: string;
      competency_key: string | null;
      position: number;
    }[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index += 1) {
      const topic = pick(learningTopics, index * 7);
      const second = pick(learningTopics, index * 13 + 5);
      const title = `${pick(levels, index)} ${topic} and ${second} ${pick(forms, index * 3)} ${index}`;
      const skillNames = [topic, second, pick(learningTopics, index * 31 + 11)]
        .slice(0, 1 + (index % 3))
        .map((name) => name.charAt(0).toUpperCase() + name.slice(1));
      const id = newId(now.getTime() + index);
      const paid = index % 4 === 0;
      resources.push({
        id,
        title,
        kind: pick(learningResourceKinds, index),
        provider: `Provider ${index % 200}`,
        url: `https://example.com/learning/${index}`,
        description: `A ${pick(forms, index)} about ${topic}, ${second} and ${pick(learningTopics, index * 17 + 3)} for people who want to grow in ${pick(learningTopics, index * 19 + 7)}.`,
        audience: "Everyone",
        language: "en",
        cost_minor: paid ? 1_000 + (index % 50) * 100 : 0,
        currency: paid ? "EUR" : null,
        duration_minutes: index % 5 === 0 ? null : 15 + (index % 40) * 30,
        format: pick(learningFormats, index),
        search_keywords: [`Provider ${index % 200}`, ...skillNames].join(" "),
        is_sample: 0,
        archived_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      const seen = new Set<string>();
      skillNames.forEach((name) => {
        const key = slugify(name);
        if (seen.has(key)) return;
        seen.add(key);
        skills.push({
          resource_id: id,
          skill_key: key,
          skill_name: name,
          competency_key: null,
          position: seen.size - 1,
        });
      });
      for (const term of vocabularyOf([title, ...skillNames])) terms.add(term);
    }
    await db.insertInto("learning_resources").values(resources).execute();
    await db.insertInto("learning_resource_skills").values(skills).execute();
  }
  await insertTerms(db, [...terms]);
}
