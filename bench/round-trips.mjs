// Round trips to Word: context.sync() calls to read everything the pane needs, per template, on the
// tests' model of Word (tests/office/word-model.ts), beside what reading cell by cell would cost on
// the same document; and the syncs of writing one section and of writing every field.
import { replicas } from "./corpus.mjs";

/**
 * What a per-cell reader would cost on a snapshot, counted from its structure: one sync to load the
 * body's tables, then one per table (at each nesting level) to load its rows and cells, then one
 * per cell to load its text. The batched variant loads every cell's text of a table in its one sync.
 */
function perCellCost(snapshot) {
  const tables = snapshot.tables.length;
  let cells = 0;
  for (const t of snapshot.tables) for (const r of t.rows) cells += r.cells.length;
  return { perCell: 1 + tables + cells, perTable: 1 + tables, tables, cells };
}

export async function run({ lib, root, figure }) {
  for (const { name, bytes } of replicas(root)) {
    const short = name.replace(/\.docx$/, "");
    const { readHost, log } = lib.wordModelHost(lib.WordModel.fromDocx(bytes));
    const r = await lib.readOfficeDocument(readHost);
    if (!r.ok) throw new Error(`${short}: ${r.error.code}: ${r.error.message}`);
    const cost = perCellCost(r.value.read.snapshot);
    figure(`read ${short} in Word`, log.syncs, "syncs", {
      baseline: "per-cell reads",
      baselineValue: cost.perCell,
      higherIsBetter: false,
      note: `target <= 2; ${cost.tables} tables, ${cost.cells} cells; per-table batches ${cost.perTable}`,
    });
  }

  // Writing a section: the DDTT action plan's header, strategy and first action steps.
  const bytes = replicas(root).find((r) => r.name.startsWith("ddtt"))?.bytes;
  if (!bytes) return;
  const opened = lib.openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const snapshot = opened.value.read.snapshot;
  const data = lib.readDocument(snapshot, lib.templates).data;
  const values = {
    "strategy.strategy": "Use data teams weekly",
    "action-steps[0].action-step": "Survey staff and families",
    "action-steps[0].owner": "Dana Smith",
    "action-steps[1].deadline": "3/1/2026",
  };
  const desired = {
    ...data,
    plans: data.plans.map((p, pi) => ({
      ...p,
      sections: p.sections.map((s) => ({
        ...s,
        fields: s.fields.map((f) =>
          pi === 0 && values[`${s.id}.${f.id}`] !== undefined
            ? { ...f, value: values[`${s.id}.${f.id}`] }
            : f,
        ),
        ...(s.rows
          ? {
              rows: s.rows.map((row) => ({
                ...row,
                cells: row.cells.map((f) => {
                  const v = values[`${s.id}[${row.index}].${f.id}`];
                  return pi === 0 && v !== undefined ? { ...f, value: v } : f;
                }),
              })),
            }
          : {}),
      })),
    })),
  };
  const planned = lib.planDocumentFill(snapshot, desired);
  if (!planned.ok) throw new Error(planned.error.message);
  const plan = planned.value.plan;
  const source = new TextDecoder().decode(lib.readEntry(lib.openZip(bytes), "word/document.xml"));
  const now = new Date("2026-01-15T10:00:00Z");
  for (const [label, supported] of [
    ["without journal (WordApi 1.3)", ["WordApi 1.3"]],
    ["with fill journal (WordApi 1.4)", undefined],
  ]) {
    const model = lib.WordModel.fromDocx(bytes, supported ? { supported } : {});
    const { host, log } = lib.wordModelHost(model);
    const r = await lib.writePlanInWord(host, snapshot, plan, { label: "bench", now, source });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const edits = plan.content.length + plan.structure.length;
    figure(`write a section in Word, ${label}`, log.syncs, "syncs", {
      baseline: "one sync per edit + read-back",
      baselineValue: edits + 1,
      higherIsBetter: false,
      note: `${edits} edits; check targets${supported ? "" : " (with the journal)"}, then one batch: ${supported ? "" : "record, "}writes and read-back`,
    });
  }

  // Writing everything at once: every field of each template changed, a row added to each
  // repeating table and a block to each repeated block (as the round-trip tests do).
  for (const { name, bytes: file } of replicas(root)) {
    const short = name.replace(/\.docx$/, "");
    const doc = lib.openDocx(file);
    if (!doc.ok) throw new Error(doc.error.message);
    const snap = doc.value.read.snapshot;
    const all = lib.planDocumentFill(
      snap,
      lib.everyFieldChanged(lib.readDocument(snap, lib.templates).data),
    );
    if (!all.ok) throw new Error(all.error.message);
    const p = all.value.plan;
    const { host, log } = lib.wordModelHost(lib.WordModel.fromDocx(file));
    const r = await lib.writePlanInWord(host, snap, p, {
      label: "bench",
      now,
      source: doc.value.document.source,
    });
    if (!r.ok) throw new Error(`${short}: ${r.error.code}: ${r.error.message}`);
    const rows = p.structure.filter((e) => e.kind === "insert-rows").length;
    const blocks = p.structure.filter((e) => e.kind === "insert-block").length;
    figure(`write every field of ${short} in Word`, log.syncs, "syncs", {
      baseline: "one sync per edit + read-back",
      baselineValue: p.content.length + p.structure.length + 1,
      higherIsBetter: false,
      note: `${p.content.length} values, ${rows} row insert(s), ${blocks} block(s); target: one batch + one read-back`,
    });
  }
}
