/** @jest-environment jsdom */
import "./jsdom-globals";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryDocument } from "../../src/adapters/memory/memory-document.adapter";
import { err, ok } from "../../src/domain/result";
import { PlanSession, type PlanServices } from "../../src/app/plan-session";
import type { DocumentPort } from "../../src/ports/document.port";
import { App } from "../../src/taskpane/App/App";
import { domainServices } from "../../src/taskpane/domain-services";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { renderInFluent } from "./render";

type Overrides = { port?: Partial<DocumentPort>; services?: Partial<PlanServices> };

/**
 * The pane on a document in memory: reads, fills and comments go to the memory adapter (which
 * writes into the .docx it holds); revert answers as after a fill of two values unless a test
 * says otherwise.
 */
function sessionOn(bytes: Uint8Array, overrides: Overrides = {}) {
  const opened = MemoryDocument.fromDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const doc = opened.value;
  const port: DocumentPort = {
    host: doc.host,
    capabilities: () => doc.capabilities(),
    read: () => doc.read(),
    select: (l) => doc.select(l),
    addComments: (c) => doc.addComments(c),
    fill: (plan, options) => doc.fill(plan, options),
    revert: async () =>
      ok({
        fill: { label: "Section plan-header", at: "2026-01-15T10:00:00.000Z" },
        restored: 2,
        rowsRemoved: 0,
        notRestored: [],
        remaining: 0,
      }),
    lastFill: () => doc.lastFill(),
    insertTemplate: async () => ok(undefined),
    clearFillHistory: () => doc.clearFillHistory(),
    ...overrides.port,
  };
  const services: PlanServices = {
    ...domainServices(),
    blankTemplate: async () => ok(bytes),
    ...overrides.services,
  };
  const session = new PlanSession({ document: port, services });
  return { session, fills: doc.fills, doc };
}

jest.setTimeout(60_000);

describe("the task pane", () => {
  it("opens a plan with its progress and every section with a status", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    expect(screen.getByText(/^0 of \d+ required fields filled and valid$/)).toBeTruthy();
    const sections = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(sections.map((s) => s.textContent)).toEqual([
      "1. District and dateNot started",
      "2. Strategy 1Not started",
      "3. Action steps 1Not started",
    ]);
  });

  it("walks through sections with next and previous in the template's order", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await userEvent.click(
      await screen.findByRole("button", { name: /1\. District and date/ }, { timeout: 15_000 }),
    );
    expect(
      await screen.findByRole(
        "heading",
        { level: 2, name: "District and date" },
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Next section" }));
    expect(screen.getByRole("heading", { level: 2, name: "Strategy 1" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Previous section" }));
    expect(screen.getByRole("heading", { level: 2, name: "District and date" })).toBeTruthy();
  });

  it("writes only the section shown, with the values typed, and reports what was written", async () => {
    const { session, fills, doc } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await userEvent.click(
      await screen.findByRole("button", { name: /1\. District and date/ }, { timeout: 15_000 }),
    );
    await userEvent.type(
      screen.getByRole("textbox", { name: /District\/School Name/ }),
      "Northfield",
    );
    await userEvent.click(screen.getByRole("button", { name: "Write to document" }));
    await screen.findByText("Written to the document");
    expect(fills).toHaveLength(1);
    expect(fills[0]!.options.label).toBe("Section plan-header");
    const read = await doc.read();
    if (!read.ok) throw new Error(read.error.message);
    expect(
      read.value.paragraphs.some((p) => /District\/School Name:.*Northfield/.test(p.text)),
    ).toBe(true);
    expect(
      within(screen.getByRole("list", { name: "What was written" })).getByText(
        /Written: District\/School Name/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/Written to the document/);
  });

  it("runs the checks when focus leaves a field and shows their message beside it", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await userEvent.click(
      await screen.findByRole("button", { name: /3\. Action steps/ }, { timeout: 15_000 }),
    );
    const card = (
      await screen.findAllByRole("listitem", { name: "Row 1" }, { timeout: 15_000 })
    )[0]!;
    await userEvent.click(within(card).getByRole("textbox", { name: /Action Steps/ }));
    await userEvent.paste("Train staff");
    await userEvent.type(within(card).getByRole("combobox", { name: /Owner/ }), "TBD");
    await userEvent.tab();
    const owner = card.querySelector('[data-field="0:owner"]') as HTMLElement;
    await waitFor(() =>
      expect(within(owner).getByRole("alert").textContent).toMatch(/placeholder|person|name/i),
    );
  });

  it("reverts the last fill in one click from any view", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await userEvent.click(screen.getByRole("button", { name: "Revert last fill" }));
    expect(await screen.findByText("Last fill reverted")).toBeTruthy();
    expect(screen.getByText("2 values restored.")).toBeTruthy();
  });

  it("offers to revert anyway when cells were edited after the fill, and reverts only when asked", async () => {
    const calls: (boolean | undefined)[] = [];
    const { session } = sessionOn(templateBytes("ddtt-action-plan"), {
      port: {
        revert: async (options) => {
          calls.push(options?.force);
          return options?.force
            ? ok({
                fill: { label: "Section plan-header", at: "2026-01-15T10:00:00.000Z" },
                restored: 3,
                rowsRemoved: 0,
                notRestored: [],
                remaining: 0,
              })
            : err(
                "document_changed",
                "The document changed after the last fill, so reverting it could lose later work.",
              );
        },
      },
    });
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await userEvent.click(screen.getByRole("button", { name: "Revert last fill" }));
    expect(await screen.findByText("Nothing reverted")).toBeTruthy();
    expect(calls).toEqual([false]);
    await userEvent.click(screen.getByRole("button", { name: "Revert anyway" }));
    expect(await screen.findByText("Last fill reverted")).toBeTruthy();
    expect(screen.getByText("3 values restored.")).toBeTruthy();
    expect(calls).toEqual([false, true]);
  });

  it("says on opening when the last fill was cut short, with how many cells it wrote", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"), {
      port: {
        lastFill: async () =>
          ok({
            label: "Section action-steps",
            at: "2026-01-15T10:00:00Z",
            written: 2,
            notWritten: 3,
          }),
      },
    });
    renderInFluent(<App session={session} />);
    expect(
      await screen.findByText("The last fill was cut short", undefined, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(
      screen.getByText(/"Section action-steps" wrote 2 of 5 cells; 3 still hold/),
    ).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Revert last fill" })).toHaveLength(2);
  });

  it("says nothing on opening when the last fill is wholly in the document", async () => {
    let asked = false;
    const { session } = sessionOn(templateBytes("ddtt-action-plan"), {
      port: {
        lastFill: async () => {
          asked = true;
          return ok({ label: "Section", at: "2026-01-15T10:00:00Z", written: 4, notWritten: 0 });
        },
      },
    });
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await waitFor(() => expect(asked).toBe(true));
    expect(screen.queryByText("The last fill was cut short")).toBeNull();
  });

  it("says a document is no known plan, names the closest template and offers a blank one when empty", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"), {
      services: {
        recognise: () => ({
          kind: "unknown",
          empty: true,
          closest: {
            template: "clna",
            label: "CLNA self-assessment",
            missing: ["Compliance", "Action plan"],
          },
        }),
      },
    });
    renderInFluent(<App session={session} />);
    expect(await screen.findByText("No known plan in this document")).toBeTruthy();
    expect(
      within(screen.getByRole("list", { name: "What was not found" }))
        .getAllByRole("listitem")
        .map((l) => l.textContent),
    ).toEqual(["Compliance", "Action plan"]);
    expect(screen.getByRole("button", { name: "Insert blank template" })).toBeTruthy();
    expect(
      within(screen.getByRole("combobox", { name: "Template" })).getAllByRole("option"),
    ).toHaveLength(templates.length);
  });

  it("lists every finding in review mode, filters by severity and copies a summary", async () => {
    const { session } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await userEvent.click(screen.getByRole("tab", { name: "Review" }));
    const errors = await screen.findByRole(
      "checkbox",
      { name: /^Errors \(\d+\)$/ },
      { timeout: 15_000 },
    );
    expect((errors as HTMLInputElement).checked).toBe(true);
    const summary = screen.getByLabelText("Summary as text").textContent ?? "";
    expect(summary).toMatch(
      /^DDTT Action Plan\nCompleteness: 0 of \d+ required fields filled and valid\nErrors: \d+/,
    );
    const before = screen.getAllByRole("button", { name: /^Add as comment on / }).length;
    expect(before).toBeGreaterThan(0);
    await userEvent.click(errors);
    expect(screen.queryAllByRole("button", { name: /^Add as comment on / }).length).toBeLessThan(
      before,
    );
  });

  it("asks before writing entries with errors, and writes them only when told to", async () => {
    const { session, fills } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await userEvent.click(
      await screen.findByRole("button", { name: /1\. District and date/ }, { timeout: 15_000 }),
    );
    const date = await screen.findByRole("textbox", { name: /Today.s Date/ }, { timeout: 15_000 });
    await userEvent.type(date, "13/45/2026");
    await userEvent.tab();
    await userEvent.click(screen.getByRole("button", { name: "Write to document" }));
    const dialog = await screen.findByRole(
      "alertdialog",
      { name: "1 entry has errors: write anyway?" },
      { timeout: 15_000 },
    );
    expect(within(dialog).getByText(/not a real calendar date/)).toBeTruthy();
    // jsdom runs no transitions: Fluent leaves the opening dialog marked hidden (the browser test
    // finds these buttons by role in Chromium).
    await userEvent.click(
      within(dialog).getByRole("button", { name: "Go back and fix", hidden: true }),
    );
    expect(fills).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Write to document" }));
    await userEvent.click(
      within(
        await screen.findByRole("alertdialog", { hidden: true }, { timeout: 15_000 }),
      ).getByRole("button", { name: "Write anyway", hidden: true }),
    );
    expect(
      await screen.findByText("Written, with errors", undefined, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(fills).toHaveLength(1);
  });

  it("says Nothing to write when the section holds what the document holds", async () => {
    const { session, fills } = sessionOn(templateBytes("ddtt-action-plan"));
    renderInFluent(<App session={session} />);
    await userEvent.click(
      await screen.findByRole("button", { name: /1\. District and date/ }, { timeout: 15_000 }),
    );
    await userEvent.click(
      await screen.findByRole("button", { name: "Write to document" }, { timeout: 15_000 }),
    );
    expect(
      await screen.findByText("Nothing to write", undefined, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(fills).toHaveLength(0);
  });

  it("adds a finding as a comment once, and says so on its button", async () => {
    const added: number[] = [];
    const { session } = sessionOn(templateBytes("ddtt-action-plan"), {
      port: {
        addComments: async (items) => {
          added.push(items.length);
          return ok({ added: items.length, skipped: [] });
        },
      },
    });
    renderInFluent(<App session={session} />);
    await screen.findByRole("heading", { name: "DDTT Action Plan" }, { timeout: 15_000 });
    await userEvent.click(screen.getByRole("tab", { name: "Review" }));
    const first = (
      await screen.findAllByRole("button", { name: /^Add as comment on / }, { timeout: 15_000 })
    )[0]!;
    const about = first.getAttribute("aria-label")!.replace(/^Add as comment on /, "");
    await userEvent.click(first);
    expect(await screen.findByText("1 comment added", undefined, { timeout: 15_000 })).toBeTruthy();
    const done = await screen.findByRole(
      "button",
      { name: `Comment added on ${about}` },
      { timeout: 15_000 },
    );
    expect((done as HTMLButtonElement).disabled).toBe(true);
    const all = screen.getByRole("button", { name: /^Add all as comments \((\d+)\)$/ });
    const left = Number(/\((\d+)\)/.exec(all.textContent ?? "")![1]);
    await userEvent.click(all);
    await waitFor(() => expect(added).toEqual([1, left]), { timeout: 15_000 });
  });
});
