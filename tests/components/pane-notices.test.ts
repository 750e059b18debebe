import type { SectionData } from "../../src/domain/plan-data";
import {
  describeComments,
  describeReport,
  describeRevert,
  describeRevertRefusal,
  entryName,
  nameLocations,
} from "../../src/taskpane/App/pane-notices";

const steps: SectionData = {
  id: "action-steps",
  label: "Action steps",
  fields: [],
  rows: [0, 1, 2].map((index) => ({
    index,
    label: `Step ${index + 1}:`,
    cells: [
      {
        id: "owner",
        label: "Owner",
        type: "person" as const,
        required: true,
        value: "Dana Ruiz",
        location: { kind: "cell" as const, table: 4, row: index + 1, cell: 3 },
      },
    ],
  })),
};

const written = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    label: `Owner (table 5, row ${i + 2}, cell 4)`,
    location: { kind: "cell" as const, table: 4, row: i + 1, cell: 3 },
  }));

describe("what the pane says after a write", () => {
  it("sums up what was written in the section and folds the details, named by field and row", () => {
    const n = describeReport(
      { written: written(3), skipped: [], failed: [], rowsAdded: 1, rowsRemoved: 0 },
      steps,
      0,
    );
    expect(n.intent).toBe("success");
    expect(n.text).toBe("3 values written in Action steps; 1 row added.");
    expect(n.lines).toEqual([
      "Written: Owner, Step 1",
      "Written: Owner, Step 2",
      "Written: Owner, Step 3",
    ]);
  });

  it("is not green when entries with errors were written", () => {
    const n = describeReport(
      { written: written(1), skipped: [], failed: [], rowsAdded: 0, rowsRemoved: 0 },
      steps,
      2,
    );
    expect(n.intent).toBe("warning");
    expect(n.title).toBe("Written, with errors");
    expect(n.text).toMatch(/2 entries with errors were written as typed/);
  });

  it("says Nothing to write when nothing changed", () => {
    const n = describeReport(
      {
        written: [],
        skipped: [
          { label: "Owner (table 5, row 2, cell 4)", reason: "it already held this value" },
        ],
        failed: [],
        rowsAdded: 0,
        rowsRemoved: 0,
      },
      steps,
      0,
    );
    expect(n.title).toBe("Nothing to write");
    expect(n.intent).toBe("info");
  });

  it("keeps a host's label without its place when the field is not found", () => {
    expect(entryName({ label: "Strategy (table 2, row 1, cell 1)" }, steps)).toBe("Strategy");
  });
});

describe("what the pane says after a revert", () => {
  it("counts one value in the singular", () => {
    expect(describeRevert({ restored: 1, rowsRemoved: 0 }).text).toBe("1 value restored.");
    expect(describeRevert({ restored: 2, rowsRemoved: 1 }).text).toBe(
      "2 values restored, 1 added row removed.",
    );
  });

  it("calls nothing to revert information, not an error", () => {
    const n = describeRevertRefusal(
      { code: "no_fill_to_revert", message: "There is nothing to revert." },
      [steps],
      false,
    );
    expect(n).toEqual({
      intent: "info",
      title: "Nothing to revert",
      text: "There is nothing to revert.",
    });
  });

  it("names the field edited after the fill and says what Revert anyway does", () => {
    const n = describeRevertRefusal(
      {
        code: "document_changed",
        message:
          "The document changed after the last fill, so reverting it could lose later work: table 5, row 3, cell 4 was edited after the fill. Nothing was reverted. Revert by hand, or force the revert to put back every cell the fill wrote.",
      },
      [steps],
      false,
    );
    expect(n.text).toContain("Owner, Step 2 was edited after the fill");
    expect(n.text).toContain("Revert anyway puts back what every value held before the fill");
    expect(n.text).not.toContain("table 5");
  });

  it("leaves a place it cannot name as it is", () => {
    expect(nameLocations("paragraph 9 was edited after the fill", [steps])).toBe(
      "paragraph 9 was edited after the fill",
    );
  });
});

describe("what the pane says after adding comments", () => {
  it("counts comments added and findings skipped because they already had one", () => {
    expect(describeComments({ added: 1, notAdded: [] }, 0)).toEqual({
      intent: "success",
      title: "1 comment added",
    });
    expect(describeComments({ added: 0, notAdded: [] }, 2)).toEqual({
      intent: "info",
      title: "No comments added",
      text: "2 findings already had a comment and were skipped.",
    });
  });
});
