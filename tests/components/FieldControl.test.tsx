/** @jest-environment jsdom */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FieldValue } from "../../src/domain/plan-data";
import { field, renderField } from "./render";

// Typing through user-event is slow on a busy machine; no test here is about time.
jest.setTimeout(30_000);

describe("field controls", () => {
  it("gives long text a multi-line box labelled with the field and shows the template's guidance", async () => {
    renderField({
      field: field({ type: "long-text", label: "Strategy" }),
      guidance: "Indicate the strategy to solve the problem.",
    });
    const box = screen.getByRole("textbox", { name: /Strategy/ });
    expect(box.tagName).toBe("TEXTAREA");
    expect(screen.getByText("Indicate the strategy to solve the problem.")).toBeTruthy();
    await userEvent.type(box, "Line one{enter}Line two");
    expect((box as HTMLTextAreaElement).value).toBe("Line one\nLine two");
  });

  it("reads a typed date and shows how it read it", async () => {
    renderField({ field: field({ type: "date", label: "Deadline" }) });
    await userEvent.type(screen.getByRole("textbox", { name: /Deadline/ }), "Sept. 15, 2026");
    expect(screen.getByText("Read as Tuesday, September 15, 2026")).toBeTruthy();
  });

  it("fills the typed box from the calendar picker", async () => {
    const changes: FieldValue[] = [];
    renderField({ field: field({ type: "date", label: "Deadline" }), changes });
    const picker = screen.getByLabelText("Pick Deadline from a calendar");
    await act(async () => {
      const { fireEvent } = await import("@testing-library/react");
      fireEvent.change(picker, { target: { value: "2026-10-01" } });
    });
    expect(changes.at(-1)).toBe("10/1/2026");
    expect((screen.getByRole("textbox", { name: /Deadline/ }) as HTMLInputElement).value).toBe(
      "10/1/2026",
    );
  });

  it("rejects a date it cannot read when focus leaves, with the fix in words, as an alert", async () => {
    renderField({ field: field({ type: "date", label: "Deadline" }) });
    const box = screen.getByRole("textbox", { name: /Deadline/ });
    await userEvent.type(box, "next spring");
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.tab();
    expect(screen.getByRole("alert").textContent).toMatch(/cannot be read as a date/);
    expect(box.getAttribute("aria-invalid")).toBe("true");
  });

  it("suggests names already used in the plan in a person field", async () => {
    renderField({
      field: field({ type: "person", label: "Owner" }),
      names: ["Dana Ruiz", "Lee Chen"],
    });
    const combo = screen.getByRole("combobox", { name: /Owner/ });
    await userEvent.click(combo);
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Dana Ruiz", "Lee Chen"]);
    await userEvent.click(screen.getByRole("option", { name: "Lee Chen" }));
    expect((combo as HTMLInputElement).value).toBe("Lee Chen");
  });

  it("accepts a name typed freely in a person field", async () => {
    const changes: FieldValue[] = [];
    renderField({
      field: field({ type: "person", label: "Owner" }),
      names: ["Dana Ruiz"],
      changes,
    });
    await userEvent.type(screen.getByRole("combobox", { name: /Owner/ }), "Sam Ortiz");
    expect(changes.at(-1)).toBe("Sam Ortiz");
  });

  it("says a negative percentage is wrong", async () => {
    renderField({ field: field({ type: "percent", label: "Target" }) });
    await userEvent.type(screen.getByRole("textbox", { name: /Target/ }), "-5%");
    await userEvent.tab();
    expect(screen.getByRole("alert").textContent).toMatch(/cannot be negative/);
  });

  it("reads money and shows the amount", async () => {
    renderField({ field: field({ type: "money", label: "Budget" }) });
    await userEvent.type(screen.getByRole("textbox", { name: /Budget/ }), "12500");
    expect(screen.getByText("Read as $12,500.00")).toBeTruthy();
  });

  it("rejects a number field holding words", async () => {
    renderField({ field: field({ type: "number", label: "Students" }) });
    await userEvent.type(screen.getByRole("textbox", { name: /Students/ }), "many");
    await userEvent.tab();
    expect(screen.getByRole("alert").textContent).toMatch(/cannot be read as a count/);
  });

  it("offers a rating as a radio group labelled Exemplar to Challenge", async () => {
    const changes: FieldValue[] = [];
    renderField({
      field: field({
        type: "single-choice",
        label: "Rating",
        value: [],
        options: ["Exemplar", "Established", "Developing", "Challenge"],
      }),
      changes,
    });
    const group = screen.getByRole("radiogroup", { name: /Rating/ });
    const radios = within(group).getAllByRole("radio");
    expect(radios.map((r) => r.getAttribute("value"))).toEqual([
      "Exemplar",
      "Established",
      "Developing",
      "Challenge",
    ]);
    await userEvent.click(within(group).getByRole("radio", { name: "Developing" }));
    expect(changes.at(-1)).toEqual(["Developing"]);
    expect(
      (within(group).getByRole("radio", { name: "Developing" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("shows the SFSS priorities as a check list and keeps the template's order", async () => {
    const changes: FieldValue[] = [];
    const options = ["Rules", "Roles", "Relationships", "Resources", "Partners"];
    renderField({
      field: field({ type: "multiple-choice", label: "Priorities", value: ["Resources"], options }),
      changes,
    });
    const group = screen.getByRole("group", { name: /Priorities/ });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(5);
    expect(
      (within(group).getByRole("checkbox", { name: "Resources" }) as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.click(within(group).getByRole("checkbox", { name: "Roles" }));
    expect(changes.at(-1)).toEqual(["Roles", "Resources"]);
  });

  it("shows a value already in the document instead of a blank", () => {
    renderField({ field: field({ type: "text", label: "District", value: "Springfield" }) });
    expect((screen.getByRole("textbox", { name: /District/ }) as HTMLInputElement).value).toBe(
      "Springfield",
    );
  });

  it("shows a check's error next to the field as an alert", () => {
    renderField({
      field: field({ type: "person", label: "Owner", value: "TBD" }),
      messages: [{ severity: "error", message: "Name one person as owner, not a placeholder." }],
    });
    expect(screen.getByRole("alert").textContent).toBe(
      "Name one person as owner, not a placeholder.",
    );
  });

  it("shows document text as text, never as markup", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const { container } = renderField({
      field: field({ type: "long-text", label: "Strategy", value: hostile }),
      guidance: hostile,
    });
    expect(container.querySelector("img")).toBeNull();
    expect((screen.getByRole("textbox", { name: /Strategy/ }) as HTMLTextAreaElement).value).toBe(
      hostile,
    );
  });

  it("shows several findings on one field as separate lines, with notes apart from the faults", () => {
    renderField({
      field: field({ type: "text", label: "Owner", value: "Principal" }),
      messages: [
        { severity: "error", message: "Name one person." },
        { severity: "warning", message: "Give a name, not a title." },
        { severity: "info", message: "Owners are listed in the summary." },
      ],
    });
    const alert = screen.getByRole("alert");
    const lines = [...alert.querySelectorAll("span")].map((s) => s.textContent);
    expect(lines).toEqual(
      expect.arrayContaining(["Name one person.", "Give a name, not a title."]),
    );
    expect(alert.textContent).not.toContain("Owners are listed");
    expect(screen.getByText("Note: Owners are listed in the summary.")).toBeTruthy();
  });

  it("gives a date one Tab stop: the calendar button is left out of the Tab order", () => {
    renderField({ field: field({ type: "date", label: "Deadline" }) });
    expect(screen.getByLabelText("Pick Deadline from a calendar").getAttribute("tabindex")).toBe(
      "-1",
    );
  });
});
