/**
 * The memory adapter: a document held in memory for fast UI tests. It serves the snapshot it was
 * given, records where the pane asked to go and what it asked to comment, and refuses places that
 * are not in the document, like the other adapters.
 */
import { MemoryDocument } from "../../src/adapters/memory/memory-document.adapter";
import { emptyDocument, nestedTable, twoTables } from "./variants";

function open(bytes: Uint8Array): MemoryDocument {
  const r = MemoryDocument.fromDocx(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("the memory adapter", () => {
  it("keeps the .docx it was made from and counts reads", async () => {
    const doc = open(twoTables);
    expect(doc.bytes).toBe(twoTables);
    await doc.read();
    await doc.read();
    expect(doc.reads).toBe(2);
  });

  it("records selections and comments on places that exist and skips those that do not", async () => {
    const doc = open(nestedTable);
    expect((await doc.select({ kind: "cell", table: 1, row: 1, cell: 0 })).ok).toBe(true);
    const gone = await doc.select({ kind: "cell", table: 7, row: 0, cell: 0 });
    expect(gone.ok ? "" : gone.error.code).toBe("cell_missing");
    const r = await doc.addComments([
      { location: { kind: "paragraph", paragraph: 0 }, text: "Say why." },
      { location: { kind: "cell", table: 0, row: 5, cell: 0 }, text: "Nowhere." },
    ]);
    expect(r.ok && r.value).toEqual({
      added: 1,
      skipped: [{ index: 1, reason: "location not found" }],
    });
    expect(doc.selections).toEqual([{ kind: "cell", table: 1, row: 1, cell: 0 }]);
    expect(doc.comments.map((c) => c.text)).toEqual(["Say why."]);
  });

  it("serves the snapshot of its file after a template goes in, and records no fill", async () => {
    const doc = open(emptyDocument);
    const before = await doc.read();
    expect(before.ok && before.value.tables).toHaveLength(0);
    expect((await doc.insertTemplate(nestedTable)).ok).toBe(true);
    const r = await doc.read();
    expect(r.ok && r.value.tables).toHaveLength(3);
    expect(doc.bytes).toBe(nestedTable);
    expect(doc.fills).toEqual([]);
  });

  it("cannot write a snapshot that has no file behind it, and says so", async () => {
    const snapshot = await open(twoTables).read();
    if (!snapshot.ok) throw new Error("unreadable");
    const doc = new MemoryDocument(snapshot.value);
    expect(doc.capabilities().write).toBe(false);
    const r = await doc.fill({ structure: [], content: [] }, { label: "x", now: new Date(0) });
    expect(r.ok ? "" : r.error.code).toBe("office_requirement_missing");
  });

  it("refuses bytes that are not a .docx with the .docx reader's code", () => {
    const r = MemoryDocument.fromDocx(new TextEncoder().encode("just some text, not a document"));
    expect(r.ok ? "" : r.error.code).toBe("file_is_text");
  });
});
