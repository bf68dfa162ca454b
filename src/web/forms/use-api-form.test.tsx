// @vitest-environment happy-dom
import { Button, MantineProvider, TextInput } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "../api/api-error.ts";
import { FormErrorAlert } from "../components/form-error-alert.tsx";
import { useApiForm } from "./use-api-form.ts";

const RenameBody = z.strictObject({
  title: z.string().trim().min(1, "Enter a title").max(20, "Use at most 20 characters"),
});

function RenameForm({
  submit,
  onSuccess,
}: {
  submit: (values: z.output<typeof RenameBody>) => Promise<unknown>;
  onSuccess?: () => void;
}) {
  const { form, onSubmit, formError, mutation } = useApiForm({
    schema: RenameBody,
    initialValues: { title: "" },
    submit,
    ...(onSuccess ? { onSuccess } : {}),
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <FormErrorAlert message={formError} />
      <TextInput label="Title" key={form.key("title")} {...form.getInputProps("title")} />
      <Button type="submit" loading={mutation.isPending}>
        Rename
      </Button>
    </form>
  );
}

function renderForm(props: Parameters<typeof RenameForm>[0]) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider>
        <RenameForm {...props} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return {
    title: () => screen.getByRole("textbox", { name: "Title" }),
    submitWith(value: string) {
      fireEvent.change(screen.getByRole("textbox", { name: "Title" }), {
        target: { value },
      });
      fireEvent.click(screen.getByRole("button", { name: "Rename" }));
    },
  };
}

function validationFailed(fields: Record<string, string>) {
  return new ApiError({
    status: 400,
    code: "validation_failed",
    message: "Some fields need attention.",
    fields,
  });
}

afterEach(cleanup);

describe("useApiForm", () => {
  it("sends the values as the schema outputs them", async () => {
    const submit = vi.fn().mockResolvedValue({});
    const onSuccess = vi.fn();
    const page = renderForm({ submit, onSuccess });

    page.submitWith("  Next year  ");

    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(submit.mock.calls[0]?.[0]).toEqual({ title: "Next year" });
  });

  it("shows the schema's message under its field and sends nothing", async () => {
    const submit = vi.fn().mockResolvedValue({});
    const page = renderForm({ submit });

    page.submitWith("   ");

    await screen.findByText("Enter a title");
    expect(page.title().getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(page.title());
    expect(submit).not.toHaveBeenCalled();
  });

  it("puts a server field error under the field it names", async () => {
    const submit = vi.fn().mockRejectedValue(validationFailed({ title: "This title is taken" }));
    const page = renderForm({ submit });

    page.submitWith("Taken");

    const message = await screen.findByText("This title is taken");
    expect(page.title().getAttribute("aria-invalid")).toBe("true");
    expect(page.title().getAttribute("aria-describedby")).toContain(message.id);
    expect(document.activeElement).toBe(page.title());
    // The field says it all, so there is no message for the whole form.
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a message for the whole form when the server names no field the form has", async () => {
    const submit = vi.fn().mockRejectedValue(validationFailed({ section: "Unknown section" }));
    const page = renderForm({ submit });

    page.submitWith("Fine");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Some fields need attention.");
    expect(page.title().getAttribute("aria-invalid")).toBeNull();
  });

  it("shows any other error as the form's message, and clears it on the next try", async () => {
    const submit = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError({ status: 403, code: "forbidden", message: "Only the owner can rename it." }),
      )
      .mockResolvedValueOnce({});
    const page = renderForm({ submit });

    page.submitWith("Mine");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Only the owner can rename it.",
    );

    page.submitWith("Mine again");
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(submit).toHaveBeenCalledTimes(2);
  });
});
