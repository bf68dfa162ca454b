import { maximalHandbookPage, maximalPeopleCsv } from "./documents.ts";
import type { Actor, Fixtures, GoalSaved, SectionSaved } from "./fixtures.ts";
import { jsonOf, type Outgoing, send } from "./http.ts";
import {
  type FieldValue,
  nestedArrays,
  type TextShape,
  textShapes,
  webUrlOfLength,
} from "./max-values.ts";
import { type BenchRoute, hasBody, maximalBody, maximalQuery, routeKey } from "./route-values.ts";

/**
 * The worst-case requests of one route: one per shape of text (every field at its largest, the
 * route's ids pointing at that shape's maximal plan), and for a route with a body one nested
 * 2,000 arrays deep and one a byte over the body limit.
 */

export const requestShapes = [...textShapes, "nested", "over-limit"] as const;
export type RequestShape = (typeof requestShapes)[number];
export const nestingDepth = 2_000;

export type WorstCaseRequest = {
  shape: RequestShape;
  /** Untimed: reads what the request needs (current versions, a new session). */
  prepare(): Promise<Outgoing>;
  /** Keeps the versions a save answered with for the next save. */
  answered(status: number, body: Buffer): void;
};

export type RequestContext = {
  base: () => string;
  fixtures: Fixtures;
  bodyLimitBytes: number;
  signInAgain(actor: Actor): Promise<Actor>;
};

const allStageKeys = [
  ...Array.from({ length: 50 }, (_, year) =>
    [1, 2, 3, 4].map((quarter) => `y${year + 1}q${quarter}`),
  ).flat(),
  "considerations",
];
const endsOwnSessions = new Set([
  "POST /api/auth/sign-out",
  "POST /api/account/sign-out-everywhere",
]);

/** Nested and over-limit bodies are refused before any text matters; they use the words plan. */
const textShapeOf = (shape: RequestShape): TextShape =>
  textShapes.includes(shape as TextShape) ? (shape as TextShape) : "words";

export function worstCaseRequests(route: BenchRoute, context: RequestContext): WorstCaseRequest[] {
  const shapes: RequestShape[] = hasBody(route)
    ? [...requestShapes]
    : requestShapes.filter((shape) => shape !== "nested" && shape !== "over-limit");
  const section = route.url.match(/\/sections\/([a-z]+)$/)?.[1];
  const savesGoal = route.url.endsWith("/goals/:goalId") || route.url.endsWith("/goals");
  return shapes.map((shape) => ({
    shape,
    prepare: () => prepare(route, shape, context),
    answered: (status, body) => {
      if (status < 200 || status >= 300 || (!section && !savesGoal)) return;
      const data = context.fixtures.shapes[textShapeOf(shape)];
      const answer = JSON.parse(body.toString()) as Partial<SectionSaved & GoalSaved>;
      if (section && answer.section) data.sectionVersions[section] = answer.section.version;
      if (answer.goal) data.goalVersions[answer.goal.id] = answer.goal.version;
    },
  }));
}

async function prepare(
  route: BenchRoute,
  shape: RequestShape,
  context: RequestContext,
): Promise<Outgoing> {
  const { fixtures } = context;
  const { career } = fixtures;
  const textShape = textShapeOf(shape);
  const shapeIndex = textShapes.indexOf(textShape);
  const data = fixtures.shapes[textShape];
  const key = routeKey(route);
  const actor = await actorFor(route, context);
  const read = async <T>(path: string, reader: Actor = actor ?? fixtures.owner) =>
    jsonOf<T>(
      await send(context.base(), { method: "GET", path, cookie: reader.cookie }, 60_000),
      `GET ${path}`,
    );

  const params: Record<string, string> = {};
  for (const [, name] of route.url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (name) params[name] = await paramValue(name);
  }
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ""),
  );
  const baseVersion = await currentVersion();
  const stageItemIds = key.endsWith("/order") ? await itemsOfStage(params.stageId ?? "") : [];
  const bodyStageId =
    key === "POST /api/pathway-templates/:templateId/items"
      ? await emptiestStage()
      : fixtures.stageId;
  // Keys of the real framework, each list's items in turn, so a list of 20,000 changes names
  // 20,000 distinct (role, competency) pairs and 100 ratings name the 100 competencies.
  let roleCount = 0;
  let competencyCount = 0;
  const isImport = key.startsWith("POST /api/career-frameworks/import");
  const fieldValue: FieldValue = (name, schema) => {
    switch (name) {
      case "frameworkId":
        // An import then replaces the draft of that framework (after the routes that edit it).
        return career.frameworkId;
      case "roleKey": {
        const index = Math.floor(roleCount++ / career.competencyKeys.length);
        return career.roleKeys[index % career.roleKeys.length];
      }
      case "competencyKey":
        return career.competencyKeys[competencyCount++ % career.competencyKeys.length];
      case "competencyKeys":
        return career.competencyKeys.slice(0, schema.maxItems ?? career.competencyKeys.length);
      case "content":
        if (isImport) return career.csvWithin(context.bodyLimitBytes - 2_048);
        return key === "PUT /api/career-frameworks/:id/draft" ? career.content : undefined;
      case "format":
        return isImport ? "csv" : undefined;
      case "from":
        return key.endsWith("/diff") ? 1 : undefined;
      case "to":
        return key.endsWith("/diff") ? career.latestVersion : undefined;
      case "version":
        return key.endsWith("/export") ? career.latestVersion : undefined;
      case "rating":
      case "level":
        // The framework's own scale (the schema allows up to 10 points; this one has 4).
        return key.includes("/api/career-") ? career.content.scale.length : undefined;
      case "links":
        return Array.from({ length: schema.maxItems ?? 10 }, () =>
          webUrlOfLength(schema.items?.maxLength ?? 2_000),
        );
      case "peerIds":
        return [fixtures.viewer.id, ...fixtures.peopleIds].slice(0, schema.maxItems ?? 20);
      case "baseVersion":
        return baseVersion;
      case "managerId":
        return fixtures.manager.id;
      case "people":
        return [fixtures.viewer.id, ...fixtures.peopleIds].slice(0, 20);
      case "goalIds":
        return data.goalIds.slice(0, schema.maxItems ?? 20);
      case "templateId":
        return key === "PUT /api/people/:id/pathway-assignment"
          ? fixtures.pathwayTemplateId
          : "people-manager-growth";
      case "stageKey":
        return "y1q1";
      case "stages":
        return allStageKeys;
      case "key":
        return `y${45 + shapeIndex}q1`;
      case "stageId":
        return bodyStageId;
      case "itemIds":
        return stageItemIds;
      case "csv":
        return maximalPeopleCsv(
          textShape,
          context.bodyLimitBytes - 4_096,
          `${key.includes("apply") ? "a" : "d"}${shapeIndex}`,
          fixtures.admin.email,
        );
      case "markdown":
        // Bytes bound characters from above, so the page also keeps to the character limit.
        return maximalHandbookPage(
          textShape,
          Math.min(context.bodyLimitBytes - 2_048, schema.maxLength ?? Infinity),
        );
      case "includeResolved":
      case "includeArchived":
        return "true";
      case "email":
        // A wrong password for a real account costs a full password check.
        return key === "POST /api/auth/sign-in" ? fixtures.viewer.email : undefined;
      case "ownerId":
        return fixtures.owner.id;
      case "actorId":
        return fixtures.admin.id;
      case "status":
        return key.startsWith("GET /api/people") ? "all" : undefined;
      case "offset":
        return 0;
      case "before":
      case "cursor":
        return null;
      default:
        return undefined;
    }
  };
  const options = {
    shape: textShape,
    fieldValue,
    budgetBytes: context.bodyLimitBytes - 1_024,
    seed: 7 + shapeIndex * 1_000 + key.length,
  };
  const outgoing: Outgoing = {
    method: route.method,
    path: `${path}${maximalQuery(route, options)}`,
    cookie: actor?.cookie,
  };
  if (!hasBody(route)) return outgoing;
  if (shape === "nested") return { ...outgoing, body: nestedArrays(nestingDepth) };
  if (shape === "over-limit") {
    const padding = "x".repeat(context.bodyLimitBytes);
    return { ...outgoing, body: JSON.stringify({ padding }) };
  }
  return { ...outgoing, body: JSON.stringify(maximalBody(route, options)) };

  async function paramValue(name: string): Promise<string> {
    switch (name) {
      case "planId":
        return data.planId;
      case "goalId":
        return route.method === "DELETE"
          ? (data.spareGoalIds.pop() ?? data.goalIds[0] ?? "")
          : (data.goalIds[0] ?? "");
      case "commentId":
        return data.commentIds[0] ?? "";
      case "entryId":
        return data.energyEntryIds.pop() ?? "";
      case "version":
        return key.endsWith("/restore")
          ? String(await revisionAtOrBefore(data.restoreVersion))
          : String(await revisionAtOrBefore(Number.MAX_SAFE_INTEGER));
      case "token":
        return fixtures.invitationToken;
      case "noticeId":
        return fixtures.noticeId;
      case "stageId": {
        if (route.method !== "DELETE") return fixtures.stageId;
        const template = await read<{ stages: { id: string }[] }>(
          `/api/pathway-templates/${fixtures.pathwayTemplateId}`,
          fixtures.admin,
        );
        return template.stages.at(-1)?.id ?? fixtures.stageId;
      }
      case "templateId":
        return route.url.startsWith("/api/pathway-templates")
          ? fixtures.pathwayTemplateId
          : "aspiring-manager";
      case "number":
        return String(career.latestVersion);
      case "roleKey":
        return career.roleKey;
      case "id":
        if (route.url.startsWith("/api/career-frameworks/")) return career.frameworkId;
        if (route.url.startsWith("/api/career-assessments/")) {
          return route.method === "DELETE" ? career.spareAssessmentId : career.assessmentId;
        }
        if (route.url.startsWith("/api/career-feedback-requests/")) return career.feedbackRequestId;
        if (route.access === "admin") return fixtures.targetPersonId;
        if (route.url === "/api/people/:id/team") return fixtures.manager.id;
        return fixtures.owner.id;
      case "itemId":
        if (route.url.includes("/custom-items/")) {
          return route.method === "DELETE"
            ? (data.customItemIds.pop() ?? "")
            : (data.customItemIds[0] ?? "");
        }
        if (route.url.startsWith("/api/pathway-templates")) {
          const items = fixtures.stageItemIds;
          return (route.method === "DELETE" ? items.pop() : items[shapeIndex]) ?? "";
        }
        return fixtures.ownerPathwayItemIds[shapeIndex] ?? "";
      default:
        throw new Error(`no value for :${name} of ${key}`);
    }
  }

  /** The newest revision at or before `version` (saves in quick succession fold into one). */
  async function revisionAtOrBefore(version: number): Promise<number> {
    let before: number | null = null;
    for (let page = 0; page < 20; page++) {
      const query: string = before === null ? "?limit=100" : `?limit=100&before=${before}`;
      const list: { revisions: { version: number }[]; nextBefore: number | null } = await read(
        `/api/growth-plans/${data.planId}/revisions${query}`,
      );
      const found = list.revisions.find((revision) => revision.version <= version);
      if (found) return found.version;
      if (list.nextBefore === null) break;
      before = list.nextBefore;
    }
    return version;
  }

  /** The stage of the fixture template with the fewest items, where one more still fits. */
  async function emptiestStage(): Promise<string> {
    const template = await read<{ stages: { id: string; items: unknown[] }[] }>(
      `/api/pathway-templates/${fixtures.pathwayTemplateId}`,
      fixtures.admin,
    );
    const sorted = [...template.stages].sort((a, b) => a.items.length - b.items.length);
    return sorted[0]?.id ?? fixtures.stageId;
  }

  async function itemsOfStage(stageId: string): Promise<string[]> {
    const template = await read<{ stages: { id: string; items: { id: string }[] }[] }>(
      `/api/pathway-templates/${fixtures.pathwayTemplateId}`,
      fixtures.admin,
    );
    return (
      template.stages.find((stage) => stage.id === stageId)?.items.map((item) => item.id) ?? []
    );
  }

  /** The version a save of this route must name, read just before it. */
  async function currentVersion(): Promise<number | undefined> {
    const section = route.url.match(/\/sections\/([a-z]+)$/)?.[1];
    if (section) return data.sectionVersions[section];
    if (params.goalId) return data.goalVersions[params.goalId];
    if (key === "PUT /api/growth-plan-templates/:templateId") {
      const list = await read<{ templates: { id: string; version: number }[] }>(
        "/api/growth-plan-templates?includeArchived=true",
      );
      return list.templates.find((template) => template.id === params.templateId)?.version;
    }
    const savesDraft = route.url.startsWith("/api/career-frameworks/:id/draft");
    if ((savesDraft && route.method !== "GET") || key.endsWith(":id/publish")) {
      return (await read<{ version: number }>(`/api/career-frameworks/${params.id}/draft`)).version;
    }
    if (route.url.startsWith("/api/career-assessments/:id/")) {
      return (await read<{ version: number }>(`/api/career-assessments/${params.id}`)).version;
    }
    if (key === "PUT /api/growth-plan-prompts") {
      return (await read<{ version: number }>("/api/growth-plan-prompts")).version;
    }
    return undefined;
  }
}

async function actorFor(route: BenchRoute, context: RequestContext): Promise<Actor | null> {
  const { fixtures } = context;
  if (route.access === "public") return null;
  if (route.access === "admin") return fixtures.admin;
  if (endsOwnSessions.has(routeKey(route))) return context.signInAgain(fixtures.leaver);
  if (route.url === "/api/people/:id/team") return fixtures.manager;
  // The rater answers and declines the requests they were sent.
  if (route.url.startsWith("/api/career-feedback-requests")) return fixtures.manager;
  return fixtures.owner;
}
