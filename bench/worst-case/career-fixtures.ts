import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import { writeFrameworkFile } from "#server/modules/career-paths/career-framework-interchange.ts";
import { largestFramework } from "../load/career-data.ts";
import type { Actor } from "./fixtures.ts";
import { jsonOf, send } from "./http.ts";

/**
 * The career data the worst-case requests work on, made through the API: the largest framework
 * the limits allow (200 roles × 100 competencies, 20,000 expectations), imported from its CSV
 * and published twice (so versions and a diff have two real versions), an assessment of the
 * owner against one of its roles (and a spare one for the DELETE route), and a feedback request
 * to the manager and the viewer.
 */
export type CareerFixtures = {
  frameworkId: string;
  /** Every role and competency key of the framework, in its order. */
  roleKeys: string[];
  competencyKeys: string[];
  /** The newest published version's number. */
  latestVersion: number;
  /** A role of the framework: the last one of the last family, the most senior. */
  roleKey: string;
  assessmentId: string;
  spareAssessmentId: string;
  /** The manager's request to rate the owner's assessment. */
  feedbackRequestId: string;
  /** The whole framework, for the draft save; the CSV of as many of its rows as fit a body. */
  content: FrameworkContent;
  csvWithin(bytes: number): string;
};

const timeoutMs = 120_000;

export async function createCareerFixtures(
  base: string,
  people: { admin: Actor; owner: Actor; manager: Actor; viewer: Actor },
): Promise<CareerFixtures> {
  const { admin, owner, manager, viewer } = people;
  const json = async <T>(actor: Actor, method: string, path: string, body?: unknown) =>
    jsonOf<T>(
      await send(
        base,
        {
          method,
          path,
          cookie: actor.cookie,
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        timeoutMs,
      ),
      `${method} ${path}`,
    );
  const content = largestFramework();
  const csv = writeFrameworkFile("csv", content).text;
  const imported = await json<{ frameworkId: string }>(
    admin,
    "POST",
    "/api/career-frameworks/import",
    {
      format: "csv",
      content: csv,
    },
  );
  const frameworkId = imported.frameworkId;
  const frameworkPath = `/api/career-frameworks/${frameworkId}`;
  const draftVersion = async () =>
    (await json<{ version: number }>(admin, "GET", `${frameworkPath}/draft`)).version;
  const publish = async (changeSummary: string) =>
    json(admin, "POST", `${frameworkPath}/publish`, {
      baseVersion: await draftVersion(),
      changeSummary,
    });
  await publish("The largest framework the limits allow");
  const roleKeys = content.roles.map((role) => role.key);
  const competencyKeys = content.competencies.map((competency) => competency.key);
  // A second version that changes one expectation of every role.
  await json(admin, "PATCH", `${frameworkPath}/draft/expectations`, {
    baseVersion: await draftVersion(),
    changes: roleKeys.map((roleKey) => ({ roleKey, competencyKey: competencyKeys[0], level: 1 })),
  });
  await publish("Every role expects the first competency at the first level");
  const versions = await json<{ versions: { number: number }[] }>(
    owner,
    "GET",
    `${frameworkPath}/versions`,
  );
  const latestVersion = Math.max(...versions.versions.map((version) => version.number));
  const roleKey = roleKeys.at(-1) ?? "";
  const assess = async () =>
    (
      await json<{ id: string }>(owner, "POST", "/api/career-assessments", {
        frameworkId,
        roleKey,
      })
    ).id;
  const assessmentId = await assess();
  const spareAssessmentId = await assess();
  await json(owner, "POST", `/api/career-assessments/${assessmentId}/feedback-requests`, {
    includeManager: true,
    peerIds: [viewer.id],
    message: "",
    dueOn: null,
  });
  const queue = await json<{ requests: { id: string }[] }>(
    manager,
    "GET",
    "/api/career-feedback-requests",
  );
  const feedbackRequestId = queue.requests[0]?.id ?? "";
  if (!feedbackRequestId) throw new Error("the manager has no feedback request");

  const lines = csv.split("\n");
  return {
    frameworkId,
    roleKeys,
    competencyKeys,
    latestVersion,
    roleKey,
    assessmentId,
    spareAssessmentId,
    feedbackRequestId,
    content,
    csvWithin(bytes) {
      // Whole rows, the header first, as many as fit (as JSON text, with its escapes).
      let size = 0;
      let count = 0;
      for (const line of lines) {
        const cost = Buffer.byteLength(JSON.stringify(line)) + 1;
        if (size + cost > bytes) break;
        size += cost;
        count += 1;
      }
      return `${lines.slice(0, count).join("\n")}\n`;
    },
  };
}
