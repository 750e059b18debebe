/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { RowData } from "../../src/domain/plan-data";
import { RowCards } from "../../src/taskpane/components/RowCards/RowCards";
import { renderInFluent } from "./render";

function row(index: number, step: string, owner: string, extra: Partial<RowData> = {}): RowData {
  return {
    index,
    cells: [
      {
        id: "action-step",
        label: "Action Steps",
        type: "long-text",
        required: true,
        value: step,
        location: { kind: "cell", table: 1, row: index + 2, cell: 0 },
      },
      {
        id: "owner",
        label: "Owner",
        type: "person",
        required: true,
        value: owner,
        location: { kind: "cell", table: 1, row: index + 2, cell: 3 },
      },
    ],
    ...extra,
  };
}

function renderRows(initial: RowData[], limits = { min: 1, max: 4 }) {
  const seen: RowData[][] = [];
  function Holder() {
    const [rows, setRows] = useState(initial);
    return (
      <RowCards
        rows={rows}
        noun="Row"
        limits={limits}
        guidance={() => undefined}
        names={[]}
        messages={() => []}
        onChange={(r) => {
          seen.push(r);
          setRows(r);
        }}
      />
    );
  }
  renderInFluent(<Holder />);
  return seen;
}

describe("repeating rows as cards", () => {
  it("shows each row as a card holding its values", () => {
    renderRows([row(0, "Train staff", "Dana Ruiz"), row(1, "Collect data", "Lee Chen")]);
    const cards = within(screen.getByRole("list", { name: "Row rows" })).getAllByRole("listitem");
    expect(cards).toHaveLength(2);
    expect(
      (within(cards[1]!).getByRole("textbox", { name: /Action Steps/ }) as HTMLTextAreaElement)
        .value,
    ).toBe("Collect data");
  });

  it("adds an empty row marked as added, after the last one", async () => {
    const seen = renderRows([row(0, "Train staff", "Dana Ruiz")]);
    await userEvent.click(screen.getByRole("button", { name: "Add row" }));
    const added = seen.at(-1)![1]!;
    expect(added.added).toBe(true);
    expect(added.index).toBe(1);
    expect(added.cells.map((c) => c.value)).toEqual(["", ""]);
    expect(added.cells.every((c) => c.location === undefined)).toBe(true);
  });

  it("offers to remove only rows that are empty or were added", async () => {
    renderRows([row(0, "Train staff", "Dana Ruiz"), row(1, "", "")]);
    expect(screen.queryByRole("button", { name: "Remove Row 1" })).toBeNull();
    expect(screen.getByRole("button", { name: "Remove Row 2" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Add row" }));
    expect(screen.getByRole("button", { name: "Remove Row 3" })).toBeTruthy();
  });

  it("moves a row's values down while the rows keep their places in the document", async () => {
    const seen = renderRows([
      row(0, "Train staff", "Dana Ruiz"),
      row(1, "Collect data", "Lee Chen"),
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Move Row 1 down" }));
    const moved = seen.at(-1)!;
    expect(moved.map((r) => r.cells[0]!.value)).toEqual(["Collect data", "Train staff"]);
    expect(moved.map((r) => r.cells[0]!.location)).toEqual([
      { kind: "cell", table: 1, row: 2, cell: 0 },
      { kind: "cell", table: 1, row: 3, cell: 0 },
    ]);
  });

  it("stops adding rows at the template's limit", async () => {
    renderRows([row(0, "a", "b")], { min: 1, max: 2 });
    const add = screen.getByRole("button", { name: "Add row" });
    await userEvent.click(add);
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("2 of at most 2")).toBeTruthy();
  });

  it("continues a numbered row label on an added row", async () => {
    const seen = renderRows([row(0, "a", "b", { label: "Action 1" })]);
    await userEvent.click(screen.getByRole("button", { name: "Add row" }));
    expect(seen.at(-1)![1]!.label).toBe("Action 2");
  });
});
