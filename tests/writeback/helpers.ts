import { openDocx, decodeXmlBytes, type DocxPackage } from "../../src/adapters/docx/docx-file";
import { openZip, readEntry } from "../../src/adapters/docx/zip";
import type { DocumentSnapshot } from "../../src/domain/snapshot";
import type { DocumentPlanData } from "../../src/domain/plan-data";
import type { Result } from "../../src/domain/result";

export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function open(bytes: Uint8Array): DocxPackage {
  return must(openDocx(bytes));
}

export function snapshotOf(bytes: Uint8Array): DocumentSnapshot {
  return open(bytes).read.snapshot;
}

export function documentXml(bytes: Uint8Array): string {
  const pkg = open(bytes);
  return pkg.document.source;
}

/** Every zip entry's uncompressed bytes, by name. */
export function entries(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = openZip(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of zip.order) out.set(name, readEntry(zip, name));
  return out;
}

export function partText(bytes: Uint8Array, name: string): string {
  const e = entries(bytes).get(name);
  if (!e) throw new Error(`no part ${name}`);
  return decodeXmlBytes(e);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A fixed clock for fills. */
export const now = new Date("2026-01-15T10:00:00Z");

/**
 * Sets values in the first plan, keyed `section.field` for fields and `section[row].cell` for row
 * cells.
 */
export function setFields(values: Record<string, string | string[]>) {
  return (d: DocumentPlanData): DocumentPlanData => ({
    ...d,
    plans: d.plans.map((p, pi) => ({
      ...p,
      sections: p.sections.map((s) => ({
        ...s,
        fields: s.fields.map((f) =>
          pi === 0 && values[`${s.id}.${f.id}`] !== undefined
            ? { ...f, value: values[`${s.id}.${f.id}`]! }
            : f,
        ),
        ...(s.rows
          ? {
              rows: s.rows.map((r) => ({
                ...r,
                cells: r.cells.map((f) =>
                  pi === 0 && values[`${s.id}[${r.index}].${f.id}`] !== undefined
                    ? { ...f, value: values[`${s.id}[${r.index}].${f.id}`]! }
                    : f,
                ),
              })),
            }
          : {}),
      })),
    })),
  });
}
