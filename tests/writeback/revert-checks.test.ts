/**
 * Revert checks what it takes away: a row or table the fill added goes only while it still holds
 * what the fill wrote. Tested on real fill records, tampered with as a person or a program might:
 * an entry moved onto the template's own rows or tables, and an added row typed into since.
 */
import { filledDocx } from "../helpers/docx-use-cases";
import { revertDocx } from "../../src/adapters/docx/docx-writer";
import { openZip, readEntry, writeZip } from "../../src/adapters/docx/zip";
import { revertLastFillInWord } from "../../src/adapters/office/office-revert";
import { writePlanInWord } from "../../src/adapters/office/office-writer";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import { readDocument } from "../../src/domain/plan-reader";
import type { JournalChange } from "../../src/ooxml/edit/apply";
import { parseJournal, serialiseJournal, type Journal } from "../../src/ooxml/journal";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { editDocument } from "../helpers/make-docx";
import { everyFieldChanged, withRowAdded } from "./data-changes";
import { wordModelHost } from "../office/word-model";
import { modelOf, modelTables as tablesOf } from "./word-model-view";
import { documentXml, must, now, snapshotOf } from "./helpers";
import { plannedFill } from "./planned-fill";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Perkins plan data with one more action row, every cell of it given a value. */
function withFilledRow(data: DocumentPlanData): DocumentPlanData {
  const grown = withRowAdded("actions")(data);
  return {
    ...grown,
    plans: grown.plans.map((p, pi) => ({
      ...p,
      sections: p.sections.map((s) =>
        pi === 0 && s.id === "actions" && s.rows
          ? {
              ...s,
              rows: s.rows.map((r, ri) =>
                ri === s.rows!.length - 1
                  ? { ...r, cells: r.cells.map((c) => ({ ...c, value: `New ${c.id}` })) }
                  : r,
              ),
            }
          : s,
      ),
    })),
  };
}

function journalItem(bytes: Uint8Array): string {
  return openZip(bytes).order.find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
}

function journalOf(bytes: Uint8Array): Journal {
  return must(parseJournal(decoder.decode(readEntry(openZip(bytes), journalItem(bytes)))));
}

/** The file with the last fill's entries of one kind changed by `change`. */
function tampered(bytes: Uint8Array, change: (c: JournalChange) => JournalChange): Uint8Array {
  const journal = journalOf(bytes);
  const fills = journal.fills.map((f, i) =>
    i === journal.fills.length - 1 ? { ...f, changes: f.changes.map(change) } : f,
  );
  return writeZip(openZip(bytes), {
    replace: new Map([[journalItem(bytes), encoder.encode(serialiseJournal({ fills }))]]),
  });
}

function perkinsFilled() {
  const bytes = templateBytes("perkins-action-plan");
  const data = readDocument(snapshotOf(bytes), templates).data;
  const filled = filledDocx(bytes, withFilledRow(data), { now });
  const added = journalOf(filled).fills[0]!.changes.find((c) => c.kind === "rows-added")!;
  return { bytes, filled, added };
}

describe("revert takes away an added row only while it holds what the fill wrote", () => {
  const { bytes, filled, added } = perkinsFilled();
  if (added.kind !== "rows-added") throw new Error("no row added");
  const rowsFilled = snapshotOf(filled).tables[added.table]!.rows;

  it("records what the fill wrote in the rows it added", () => {
    expect(added.written).toMatch(/^[0-9a-f]{8}$/);
    expect(rowsFilled[added.row]!.cells.map((c) => c.text).join(" ")).toMatch(/New /);
  });

  it("reverts the untouched fill, taking the row away", () => {
    const r = must(revertDocx(filled));
    expect(r.kept).toEqual([]);
    expect(r.byKind.rowsRemoved).toBe(1);
    expect(documentXml(r.bytes)).toBe(documentXml(bytes));
  });

  it("refuses an entry moved onto a template data row, and a forced revert leaves that row", () => {
    // The last template row above the added one: neither the first nor a header row.
    const row = added.row - 1;
    expect(row).toBeGreaterThan(0);
    expect(rowsFilled[row]!.header).toBe(false);
    const moved = tampered(filled, (c) => (c.kind === "rows-added" ? { ...c, row } : c));
    const r = revertDocx(moved);
    expect(r.ok ? "ok" : r.error.code).toBe("document_changed");
    if (!r.ok) expect(r.error.message).toMatch(/rows added to table \d+ hold other text/);
    const forced = must(revertDocx(moved, { force: true }));
    expect(forced.kept).toHaveLength(1);
    expect(forced.byKind.rowsRemoved).toBe(0);
    const after = snapshotOf(forced.bytes).tables[added.table]!.rows;
    expect(after.map((x) => x.cells.map((c) => c.text))).toEqual(
      rowsFilled.map((x) => x.cells.map((c) => c.text)),
    );
  });

  it("refuses an entry that does not say what the fill wrote, moved or not, even when forced", () => {
    const bare = (row: number) =>
      tampered(filled, (c) => {
        if (c.kind !== "rows-added") return c;
        const { written: _written, ...entry } = c;
        return { ...entry, row };
      });
    for (const tamper of [bare(added.row), bare(added.row - 1)]) {
      for (const force of [false, true]) {
        const r = revertDocx(tamper, { force });
        expect(r.ok ? "ok" : r.error.code).toBe("journal_invalid");
        if (!r.ok) expect(r.error.message).toMatch(/without what the fill wrote in them/);
      }
    }
  });

  it("leaves an added row a person typed into since, even when forced, and says so", () => {
    const typed = editDocument(filled, (xml) => xml.replace(/New [\w-]+/, "Typed by a person"));
    const r = revertDocx(typed);
    expect(r.ok ? "ok" : r.error.code).toBe("document_changed");
    const forced = must(revertDocx(typed, { force: true }));
    expect(forced.kept.join(" ")).toMatch(/hold other text than the fill wrote/);
    const texts = snapshotOf(forced.bytes)
      .tables[added.table]!.rows.flatMap((x) => x.cells.map((c) => c.text))
      .join(" ");
    expect(texts).toContain("Typed by a person");
  });
});

describe("revert takes away an added block of tables only while it holds what the fill wrote", () => {
  const bytes = templateBytes("sfss-action-plan");
  const data = readDocument(snapshotOf(bytes), templates).data;
  const filled = filledDocx(bytes, everyFieldChanged(data), { now });
  const block = journalOf(filled).fills[0]!.changes.find((c) => c.kind === "tables-added")!;
  if (block.kind !== "tables-added") throw new Error("no block added");

  it("refuses an entry moved onto the template's own block of the same shape", () => {
    expect(block.written).toMatch(/^[0-9a-f]{8}$/);
    expect(block.table - block.count).toBeGreaterThan(0);
    // Moved, and without its separators (the template's block has none the fill put there).
    const moved = tampered(filled, (c) => {
      if (c.kind !== "tables-added") return c;
      const { separators: _separators, ...entry } = c;
      return { ...entry, table: c.table - c.count };
    });
    const tablesBefore = snapshotOf(filled).tables.length;
    const r = revertDocx(moved);
    expect(r.ok ? "ok" : r.error.code).toBe("document_changed");
    if (!r.ok) expect(r.error.message).toMatch(/tables added after table \d+ hold other text/);
    const forced = revertDocx(moved, { force: true });
    // Forced, the template's tables stay (or the record is refused outright): never removed.
    if (forced.ok) {
      expect(forced.value.byKind.tablesRemoved).toBe(0);
      expect(snapshotOf(forced.value.bytes).tables.length).toBe(tablesBefore);
    } else expect(forced.error.code).toBe("journal_invalid");
  });

  it("reverts the untouched fill exactly", () => {
    const r = must(revertDocx(filled));
    expect(r.kept).toEqual([]);
    expect(documentXml(r.bytes)).toBe(documentXml(bytes));
  });
});

describe("in Word, revert checks the same record the same way", () => {
  it("refuses an entry moved onto a template data row, and deletes nothing", async () => {
    const { bytes, snapshot, plan, source } = plannedFill("perkins-action-plan", withFilledRow);
    const model = modelOf(bytes);
    must(
      await writePlanInWord(wordModelHost(model).host, snapshot, plan, {
        label: "t",
        now,
        source,
      }),
    );
    const journal = must(parseJournal(model.customXml[0]!));
    const rowsAfterFill = tablesOf(model)[0]!.rows.length;
    model.customXml[0] = serialiseJournal({
      fills: journal.fills.map((f) => ({
        ...f,
        changes: f.changes.map((c) => (c.kind === "rows-added" ? { ...c, row: c.row - 1 } : c)),
      })),
    });
    const { host, log } = wordModelHost(model);
    const r = await revertLastFillInWord(host);
    expect(r.ok ? "ok" : r.error.code).toBe("document_changed");
    expect(log.calls.some((c: string) => /deleteRow|insertText/.test(c))).toBe(false);
    const forced = must(await revertLastFillInWord(wordModelHost(model).host, { force: true }));
    expect(forced.rowsRemoved).toBe(0);
    expect(forced.notRestored.join(" ")).toMatch(/hold other text than the fill wrote/);
    expect(tablesOf(model)[0]!.rows).toHaveLength(rowsAfterFill);
  });
});
