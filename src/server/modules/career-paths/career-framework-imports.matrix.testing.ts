import {
  adminOnly,
  type CaseContext,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { importFramework } from "./career-framework-imports.service.ts";
import { writeFrameworkFile } from "./career-framework-interchange.ts";
import { createPublishedFramework, testFrameworkContent } from "./career-paths.testing.ts";

/** The authorization matrix rows of the career framework import and export routes. */

const yamlFile = (serial: number) =>
  writeFrameworkFile("yaml", testFrameworkContent({ name: `Matrix framework ${serial}` })).text;

const publishedExport = async (context: CaseContext, query: string) => {
  const { frameworkId } = await createPublishedFramework(
    context.t.ctx,
    testFrameworkContent({ name: `Matrix framework ${context.serial}` }),
  );
  return { url: `/api/career-frameworks/${frameworkId}/export?${query}` };
};

/** Signed-in people may export published versions; only admins drafts and unpublished ones. */
const adminReadsOnly = { ...signedIn(404), admin: 200 };

export const careerFrameworkImportScenarios: Scenario[] = [
  {
    route: "POST /api/career-frameworks/import/preview",
    description: "a small YAML framework",
    call: ({ serial }) => ({
      url: "/api/career-frameworks/import/preview",
      body: { format: "yaml", content: yamlFile(serial) },
    }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/career-frameworks/import",
    description: "a small YAML framework as a new framework",
    call: ({ serial }) => ({
      url: "/api/career-frameworks/import",
      body: { format: "yaml", content: yamlFile(serial) },
    }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/career-frameworks/:id/export",
    description: "the latest published version as CSV",
    call: (context) => publishedExport(context, "format=csv"),
    expect: signedIn(200),
  },
  {
    route: "GET /api/career-frameworks/:id/export",
    description: "the draft",
    call: (context) => publishedExport(context, "format=yaml&version=draft"),
    expect: adminReadsOnly,
  },
  {
    route: "GET /api/career-frameworks/:id/export",
    description: "a framework never published",
    call: async (context) => {
      const { frameworkId } = await importFramework(
        context.t.ctx,
        matrixAdmin(context),
        { format: "yaml", content: yamlFile(context.serial) },
        matrixMeta,
      );
      return { url: `/api/career-frameworks/${frameworkId}/export?format=case&version=draft` };
    },
    expect: adminReadsOnly,
  },
];
