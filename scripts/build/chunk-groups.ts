import type { CodeSplittingOptions } from "rolldown";

type ChunkingContext = Parameters<
  Extract<
    NonNullable<CodeSplittingOptions["groups"]>[number]["name"],
    (...args: never[]) => unknown
  >
>[1];

const library = (pattern: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${pattern})[\\\\/]`);
const nodeModules = /[\\/]node_modules[\\/]/;
const appSource = /[\\/]src[\\/](?:web|core)[\\/]/;
const routeArea = /[\\/]src[\\/]web[\\/]routes[\\/]([a-z-]+)[\\/]/;

/** Libraries that only some pages use (with what only they bring), each in a chunk of its own. */
const pageLibraries = [
  {
    name: "charts",
    test: library(
      "@mantine/charts|recharts|recharts-scale|d3-[a-z-]+|victory-vendor|decimal\\.js-light|es-toolkit|@reduxjs|redux|redux-thunk|immer|reselect|react-redux|eventemitter3|internmap|tiny-invariant",
    ),
  },
  { name: "dates", test: library("@mantine/dates|dayjs") },
  { name: "graph", test: library("@dagrejs") },
  {
    name: "markdown",
    test: library(
      "react-markdown|remark-[a-z-]+|micromark[a-z-]*|mdast-[a-z-]+|hast-[a-z-]+|unist-[a-z-]+|unified|vfile[a-z-]*|property-information|space-separated-tokens|comma-separated-tokens|html-url-attributes|decode-named-character-reference|character-entities[a-z-]*|trim-lines|devlop|bail|is-plain-obj|trough|ccount|zwitch|longest-streak|estree-util-[a-z-]+|style-to-js|style-to-object|inline-style-parser|@ungap",
    ),
  },
];

const libraryOf = (id: string) => pageLibraries.find((group) => group.test.test(id))?.name ?? null;

/**
 * How the build groups modules into chunks, so that a page loads a handful of files instead of
 * one small chunk for every set of pages that happen to share a module (66 scripts for home and
 * 109 for a growth plan before).
 *
 * - What every page loads, the entry's static graph (router, route guards, the sign-in page),
 *   is two chunks: the app's part, which becomes the entry (`index`), and its libraries, `vendor`.
 * - Libraries that only some pages use come in chunks of their own, loaded by those pages only:
 *   `charts`, `dates`, `graph` (dagre) and `markdown`; every other library module the signed-in
 *   pages use is in `ui` (Mantine components, floating-ui, icons). Each chunk carries the CSS of
 *   the Mantine components in it (see `mantineStylesFollowComponents`).
 * - The app's own modules go by the areas of routes (`routes/<area>/`) that import them: a module
 *   of one area only is in that area's chunk (`area-home`, `area-growth-plans`, …); one that
 *   several areas import is in `app`, or, when it needs one of the libraries above (the date
 *   field needs `dates`), in a chunk named after them (`app-dates`), so that pages which do not
 *   use that library do not load it.
 */
export function chunkGroups(): CodeSplittingOptions {
  const areasOf = new Map<string, ReadonlySet<string>>();
  /** The areas of routes whose modules import `id`, directly or through other modules. */
  const importingAreas = (id: string, ctx: ChunkingContext): ReadonlySet<string> => {
    const known = areasOf.get(id);
    if (known) return known;
    const areas = new Set<string>();
    const seen = new Set<string>([id]);
    const pending = [id];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      const area = routeArea.exec(next)?.[1];
      if (area) areas.add(area);
      for (const importer of ctx.getModuleInfo(next)?.importers ?? []) {
        if (!seen.has(importer) && isAppModule(importer)) {
          seen.add(importer);
          pending.push(importer);
        }
      }
    }
    areasOf.set(id, areas);
    return areas;
  };
  /** The page libraries `id` needs, directly or through other modules of the app. */
  const neededLibraries = (id: string, ctx: ChunkingContext): string[] => {
    const libraries = new Set<string>();
    const seen = new Set<string>([id]);
    const pending = [id];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      for (const imported of ctx.getModuleInfo(next)?.importedIds ?? []) {
        if (seen.has(imported)) continue;
        seen.add(imported);
        if (isAppModule(imported)) pending.push(imported);
        else {
          const library = libraryOf(imported);
          if (library) libraries.add(library);
        }
      }
    }
    return [...libraries].sort();
  };

  return {
    groups: [
      { name: "vendor", tags: ["$initial"], test: nodeModules, priority: 100 },
      // The app's own modules of the entry graph, which Rolldown merges into the entry chunk.
      { name: "shell", tags: ["$initial"], priority: 90 },
      {
        name: "ui",
        test: (id) => nodeModules.test(id) && libraryOf(id) === null,
        priority: 80,
      },
      ...pageLibraries.map((group) => ({ ...group, priority: 70 })),
      {
        debugName: "app",
        name: (id, ctx) => {
          if (!isAppModule(id)) return null;
          const areas = importingAreas(id, ctx);
          if (areas.size === 0) return null;
          if (areas.size === 1) return `area-${[...areas][0]}`;
          return ["app", ...neededLibraries(id, ctx)].join("-");
        },
        priority: 50,
      },
    ],
  };
}

/** The app's own modules: the web app's and what it shares with the server (`src/core`). */
const isAppModule = (id: string) => appSource.test(id) && !nodeModules.test(id);
