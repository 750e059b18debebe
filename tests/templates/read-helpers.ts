/** Reading replicas and variants into plan data for the template tests. */
import { openDocx } from "../../src/adapters/docx/docx-file";
import type { FieldData, PlanData, SectionData } from "../../src/domain/plan-data";
import { readDocument, type DocumentReading } from "../../src/domain/plan-reader";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import { templates } from "../../src/templates";
import { fixtureBytes, templateBytes, type TemplateId } from "../helpers/fixtures";

export type Reading = DocumentReading & { snapshot: DocumentSnapshot };

export function readBytes(bytes: Uint8Array): Reading {
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const snapshot = opened.value.read.snapshot;
  return { ...readDocument(snapshot, templates), snapshot };
}

const cache = new Map<string, Reading>();

/** A replica's reading (read once per test file; readings are not changed by tests). */
export function readReplica(id: TemplateId): Reading {
  const key = `replica:${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = readBytes(templateBytes(id));
  cache.set(key, r);
  return r;
}

export function readVariant(name: string): Reading {
  const key = `variant:${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = readBytes(fixtureBytes(`variants/${name}`));
  cache.set(key, r);
  return r;
}

export function section(plan: PlanData | undefined, id: string, block?: number): SectionData {
  const s = plan?.sections.find((x) => x.id === id && (block === undefined || x.block === block));
  if (!s) throw new Error(`no section ${id}${block !== undefined ? ` #${block}` : ""}`);
  return s;
}

export function field(s: SectionData, id: string): FieldData {
  const f = s.fields.find((x) => x.id === id);
  if (!f) throw new Error(`no field ${id} in ${s.id}`);
  return f;
}

export function cell(s: SectionData, row: number, id: string): FieldData {
  const f = s.rows?.[row]?.cells.find((x) => x.id === id);
  if (!f) throw new Error(`no cell ${id} in row ${row} of ${s.id}`);
  return f;
}

/** Every field and row cell of a plan. */
export function allFields(plan: PlanData): { section: SectionData; field: FieldData }[] {
  return plan.sections.flatMap((s) => [
    ...s.fields.map((f) => ({ section: s, field: f })),
    ...(s.rows ?? []).flatMap((r) => r.cells.map((f) => ({ section: s, field: f }))),
  ]);
}

/**
 * The text at a location, read from the snapshot alone: the paragraphs a cell location names
 * (the first from `start`), or the character span of a paragraph location; blanks ("___") and
 * empty lines left out.
 */
export function textAt(snapshot: DocumentSnapshot, f: FieldData): string | undefined {
  const l = f.location;
  if (!l) return undefined;
  if (l.kind === "paragraph") {
    const p = snapshot.paragraphs[l.paragraph];
    return p?.text
      .slice(l.start ?? 0, l.end ?? p.text.length)
      .replace(/_{2,}/g, "")
      .trim();
  }
  const c = snapshot.tables[l.table]?.rows[l.row]?.cells[l.cell];
  if (!c) return undefined;
  const from = l.paragraph ?? 0;
  const count = l.paragraphCount ?? c.paragraphs.length - from;
  return c.paragraphs
    .slice(from, from + count)
    .map((p, i) => (i === 0 && l.start !== undefined ? p.text.slice(l.start) : p.text).trim())
    .filter((t) => t.length > 0)
    .join("\n");
}
