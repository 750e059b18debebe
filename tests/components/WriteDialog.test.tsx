/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { WriteDialog } from "../../src/taskpane/components/WriteDialog/WriteDialog";
import { consentItems } from "../../src/app/plan-session";
import type { SectionData } from "../../src/domain/plan-data";
import { renderInFluent } from "./render";

const before: SectionData = {
  id: "strategy",
  label: "Strategy",
  fields: [
    {
      id: "strategy",
      label: "Strategy",
      type: "long-text",
      required: true,
      value: "Old strategy",
      location: { kind: "cell", table: 1, row: 1, cell: 0 },
    },
    {
      id: "note",
      label: "Note",
      type: "text",
      required: false,
      value: "",
      location: { kind: "cell", table: 1, row: 2, cell: 0 },
    },
  ],
};
const after: SectionData = {
  ...before,
  fields: [
    { ...before.fields[0]!, value: "New strategy" },
    { ...before.fields[1]!, value: "Filled an empty cell" },
  ],
};

describe("consent before replacing text", () => {
  it("asks only about cells that already hold text", () => {
    expect(consentItems(before, after).map((i) => [i.label, i.before, i.after])).toEqual([
      ["Strategy", "Old strategy", "New strategy"],
    ]);
  });

  it("shows each cell before and after and returns the cells the person ticked", async () => {
    const confirmed: (readonly string[])[] = [];
    renderInFluent(
      <WriteDialog
        open
        items={consentItems(before, after)}
        onConfirm={(k) => confirmed.push(k)}
        onCancel={() => undefined}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Replace text already in the document?" });
    expect(dialog.textContent).toContain("Old strategy");
    expect(dialog.textContent).toContain("New strategy");
    await userEvent.click(screen.getByRole("button", { name: "Write to document" }));
    expect(confirmed).toEqual([["strategy"]]);
  });

  it("leaves a cell alone when its box is unticked", async () => {
    const confirmed: (readonly string[])[] = [];
    renderInFluent(
      <WriteDialog
        open
        items={consentItems(before, after)}
        onConfirm={(k) => confirmed.push(k)}
        onCancel={() => undefined}
      />,
    );
    await userEvent.click(screen.getByRole("checkbox", { name: "Replace Strategy" }));
    await userEvent.click(screen.getByRole("button", { name: "Write to document" }));
    expect(confirmed).toEqual([[]]);
  });
});
