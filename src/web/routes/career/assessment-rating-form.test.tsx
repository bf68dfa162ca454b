// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import type { Assessment } from "#core/career/assessments.schemas.ts";
import { AssessmentRatingForm } from "./assessment-rating-form.tsx";

beforeAll(() => {
  // Mantine's growing text area listens for web fonts, which happy-dom does not load.
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const assessmentId = "0190f1a0-0000-7000-8000-000000000001";

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: assessmentId,
    person: { id: "p1", name: "Ada" },
    frameworkId: "0190f1a0-0000-7000-8000-0000000000f1",
    frameworkName: "Sales operations",
    versionNumber: 1,
    latestVersionNumber: 1,
    roleKey: "senior-analyst",
    roleTitle: "Senior Analyst",
    isCurrentRole: false,
    status: "draft",
    sharedWithManager: false,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    finishedAt: null,
    readiness: null,
    version: 3,
    scale: [
      { value: 1, label: "Learning" },
      { value: 2, label: "Developing" },
      { value: 3, label: "Proficient" },
    ],
    competencies: [
      {
        competency: {
          key: "forecasting",
          themeKey: "craft",
          name: "Forecasting",
          description: "",
          descriptors: ["Follows the model", "Adjusts the model", "Builds the model"],
          caseId: null,
        },
        themeName: "Craft",
        expected: 3,
      },
      {
        competency: {
          key: "reporting",
          themeKey: "craft",
          name: "Reporting",
          description: "",
          descriptors: [],
          caseId: null,
        },
        themeName: "Craft",
        expected: 2,
      },
    ],
    ratings: [],
    requests: [],
    ...overrides,
  };
}

function renderForm(value: Assessment) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <AssessmentRatingForm assessment={value} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

it("shows each point of the scale with the competency's descriptor, and saves with the version", async () => {
  const saved = assessment({
    version: 4,
    ratings: [
      {
        competencyKey: "forecasting",
        rating: 2,
        evidence: { text: "Q3 model", links: [], goalIds: [] },
      },
      { competencyKey: "reporting", rating: null, evidence: { text: "", links: [], goalIds: [] } },
    ],
  });
  const fetchMock = vi.fn().mockResolvedValue(jsonResponse(saved));
  vi.stubGlobal("fetch", fetchMock);
  renderForm(assessment());

  const forecasting = screen.getByRole("radiogroup", { name: "Your rating for Forecasting" });
  expect(forecasting.textContent).toContain("Adjusts the model");
  expect(forecasting.textContent).toContain("3 · Proficient (expected for this role)");
  fireEvent.click(screen.getByRole("radio", { name: /2 · Developing Adjusts the model/ }));
  fireEvent.change(screen.getAllByRole("textbox", { name: /Evidence/ })[0] as HTMLElement, {
    target: { value: "Q3 model" },
  });
  expect(screen.getByText("1 of 2 competencies rated")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Save ratings" }));

  await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe(`/api/career-assessments/${assessmentId}/ratings`);
  expect(init.method).toBe("PUT");
  expect(JSON.parse(String(init.body))).toEqual({
    baseVersion: 3,
    ratings: [
      {
        competencyKey: "forecasting",
        rating: 2,
        evidence: { text: "Q3 model", links: [], goalIds: [] },
      },
      { competencyKey: "reporting", rating: null, evidence: { text: "", links: [], goalIds: [] } },
    ],
  });
  expect(await screen.findByText("All changes saved")).toBeTruthy();
});

it("opens the conflict dialog on a 409 and saves mine again from the current version", async () => {
  const theirs = assessment({
    version: 5,
    ratings: [
      { competencyKey: "forecasting", rating: 3, evidence: { text: "", links: [], goalIds: [] } },
    ],
  });
  const fetchMock = vi
    .fn()
    .mockResolvedValueOnce(
      jsonResponse(
        { error: { code: "conflict", message: "Saved elsewhere meanwhile." }, current: theirs },
        409,
      ),
    )
    .mockResolvedValueOnce(jsonResponse(assessment({ version: 6 })));
  vi.stubGlobal("fetch", fetchMock);
  renderForm(assessment());

  fireEvent.click(screen.getByRole("radio", { name: /1 · Learning Follows the model/ }));
  fireEvent.click(screen.getByRole("button", { name: "Save ratings" }));

  expect(await screen.findByText("Your ratings was changed elsewhere")).toBeTruthy();
  expect(within(screen.getByRole("dialog")).getByText("3 · Proficient")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Keep mine" }));

  await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
  const body = JSON.parse(String((fetchMock.mock.calls[1] as [string, RequestInit])[1].body));
  expect(body.baseVersion).toBe(5);
  expect(body.ratings[0].rating).toBe(1);
});

it("puts the server's message about a link under the links of its competency", async () => {
  vi.stubGlobal(
    "fetch",
    vi.fn().mockResolvedValue(
      jsonResponse(
        {
          error: {
            code: "validation_failed",
            message: "Some fields need attention.",
            fields: { "ratings.1.evidence.links.0": "Use a web address starting with https://" },
          },
        },
        400,
      ),
    ),
  );
  renderForm(assessment());
  fireEvent.click(screen.getByRole("radio", { name: /1 · Learning Follows the model/ }));
  fireEvent.click(screen.getByRole("button", { name: "Save ratings" }));
  expect(await screen.findByText("Link 1: Use a web address starting with https://")).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});
