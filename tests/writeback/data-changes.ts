/**
 * Plan data changes shared by the round-trip tests of both writers: every field changed, one row
 * added to each repeating table and one block added to each repeated block; and every value of
 * a plan keyed by where it is, to compare what was written with what is read back.
 */
import type { DocumentPlanData, FieldData, SectionData } from "../../src/domain/plan-data";

const text = (id: string, n: number) => `${id} ${n}: A&B x>y a<b "q" – café ✓`;

function changed(f: FieldData, n: number): FieldData {
  if (f.type === "single-choice") return { ...f, value: [f.options?.[1] ?? ""] };
  if (f.type === "multiple-choice")
    return { ...f, value: [f.options?.[0] ?? "", f.options?.[2] ?? ""] };
  return { ...f, value: f.type === "long-text" ? `${text(f.id, n)}\nsecond line` : text(f.id, n) };
}

/** Every field changed, one row added to each repeating table, one block added to each repeated block. */
export function everyFieldChanged(data: DocumentPlanData): DocumentPlanData {
  let n = 0;
  return {
    ...data,
    plans: data.plans.map((plan) => {
      const sections: SectionData[] = plan.sections.map((s) => ({
        ...s,
        fields: s.fields.map((f) => changed(f, n++)),
        ...(s.rows
          ? {
              rows: [
                ...s.rows.map((r) => ({ ...r, cells: r.cells.map((f) => changed(f, n++)) })),
                ...(s.rows.length > 0 && s.rows.length < (s.rowLimits?.max ?? 99)
                  ? [
                      {
                        index: s.rows.length,
                        cells: (s.rows[s.rows.length - 1]?.cells ?? []).map((f) =>
                          changed({ ...f, location: undefined } as FieldData, n++),
                        ),
                      },
                    ]
                  : []),
              ],
            }
          : {}),
      }));
      const last = Math.max(0, ...plan.sections.map((s) => s.block ?? 0));
      const extra = sections
        .filter((s) => s.block === last && last > 0)
        .map((s) => ({
          ...s,
          block: last + 1,
          rows: s.rows?.slice(
            0,
            (plan.sections.find((x) => x.id === s.id && x.block === last)?.rows ?? []).length,
          ),
        }));
      return { ...plan, sections: [...sections, ...extra] };
    }),
  };
}

const norm = (v: FieldData["value"]) =>
  typeof v === "string" ? v.replace(/\s+/g, " ").trim() : [...v];

export function fieldValues(data: DocumentPlanData): Map<string, FieldData["value"]> {
  const out = new Map<string, FieldData["value"]>();
  data.plans.forEach((p) =>
    p.sections.forEach((s) => {
      const key = `${p.instance}/${s.id}#${s.block ?? ""}`;
      s.fields.forEach((f) => out.set(`${key}.${f.id}`, norm(f.value)));
      (s.rows ?? []).forEach((r) =>
        r.cells.forEach((f) => out.set(`${key}[${r.index}].${f.id}`, norm(f.value))),
      );
    }),
  );
  return out;
}

/**
 * Plan data with one more row in a section of the first plan: a copy of the section's last row,
 * its cells' values from `added` by cell id (empty otherwise); `existing` changes cells of the
 * rows already there (by row index and cell id).
 */
export function withRowAdded(
  sectionId: string,
  added: Readonly<Record<string, string>> = {},
  existing: Readonly<Record<number, Readonly<Record<string, string>>>> = {},
) {
  return (data: DocumentPlanData): DocumentPlanData => ({
    ...data,
    plans: data.plans.map((p, pi) => ({
      ...p,
      sections: p.sections.map((s) =>
        pi === 0 && s.id === sectionId && s.rows && s.rows.length > 0
          ? {
              ...s,
              rows: [
                ...s.rows.map((r, ri) => ({
                  ...r,
                  cells: r.cells.map((c) => {
                    const v = existing[ri]?.[c.id];
                    return v !== undefined ? { ...c, value: v } : c;
                  }),
                })),
                {
                  index: s.rows.length,
                  cells: s.rows[s.rows.length - 1]!.cells.map(({ location: _l, ...c }) => ({
                    ...c,
                    value: added[c.id] ?? "",
                  })),
                },
              ],
            }
          : s,
      ),
    })),
  });
}

/** Plan data where the first criterion of a rating section is given its option number `k`. */
export function withFirstRated(sectionId: string, k: number) {
  return (d: DocumentPlanData): DocumentPlanData => ({
    ...d,
    plans: d.plans.map((p) => ({
      ...p,
      sections: p.sections.map((s) =>
        s.id === sectionId
          ? {
              ...s,
              fields: s.fields.map((f, i) => (i === 0 ? { ...f, value: [f.options![k]!] } : f)),
            }
          : s,
      ),
    })),
  });
}
