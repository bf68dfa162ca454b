// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { SaveRefusal } from "./save-refusal.tsx";

afterEach(cleanup);

const full =
  "This plan is full: it holds 199,990 of its 200,000 characters (99%), and this save would bring it to 200,011.";

it("shows the server's reason when an autosave was refused", () => {
  render(
    <MantineProvider>
      <SaveRefusal state={{ status: "failed", problem: full }} />
    </MantineProvider>,
  );
  expect(screen.getByRole("alert").textContent).toContain(full);
});

it("shows nothing once the form saves again", () => {
  render(
    <MantineProvider>
      <SaveRefusal state={{ status: "saving", problem: null }} />
    </MantineProvider>,
  );
  expect(screen.queryByRole("alert")).toBeNull();
});
