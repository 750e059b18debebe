/**
 * Builds plan data from a template definition and the values a test gives, the way the plan
 * reader shapes it (ids, types, required flags, options, row limits), with a cell location per
 * field so findings can be located.
 */
import type {
  FieldDefinition,
  SectionDefinition,
  TemplateDefinition,
} from "../../../src/domain/template-definition";
import type { FieldData, PlanData, RowData, SectionData } from "../../../src/domain/plan-data";

export type SectionValues = {
  readonly block?: number;
  readonly fields?: Readonly<Record<string, string | readonly string[]>>;
  readonly rows?: readonly Readonly<Record<string, string>>[];
};

export type PlanValues = Readonly<Record<string, SectionValues | readonly SectionValues[]>>;

let tableCounter = 0;

function field(
  def: Pick<FieldDefinition, "id" | "label" | "type" | "required" | "options">,
  value: string | readonly string[] | undefined,
  table: number,
  row: number,
  cell: number,
): FieldData {
  const choice = def.type === "single-choice" || def.type === "multiple-choice";
  const v =
    value === undefined
      ? choice
        ? []
        : ""
      : typeof value === "string"
        ? choice
          ? value === ""
            ? []
            : [value]
          : value
        : [...value];
  const f: FieldData = {
    id: def.id,
    label: def.label,
    type: def.type,
    required: def.required,
    value: v,
    location: { kind: "cell", table, row, cell },
  };
  if (def.options) f.options = def.options;
  return f;
}

function section(def: SectionDefinition, values: SectionValues | undefined): SectionData {
  const table = tableCounter++;
  const given = values?.fields ?? {};
  const base: SectionData = { id: def.id, label: def.label, fields: [] };
  if (values?.block !== undefined) base.block = values.block;
  switch (def.layout) {
    case "rows": {
      const rowValues = values?.rows ?? [];
      const count = Math.max(rowValues.length, def.rows.min, 1);
      const rows: RowData[] = [];
      for (let i = 0; i < count; i++) {
        const rv = rowValues[i] ?? {};
        rows.push({
          index: i,
          cells: def.columns.map((c, ci) => field(c, rv[c.id], table, i + 1, ci)),
        });
      }
      return { ...base, rows, rowLimits: def.rows };
    }
    case "fixed-rows":
      return {
        ...base,
        fields: def.rows.flatMap((r, ri) =>
          def.columns.map((c, ci) =>
            field(
              {
                id: `${r.id}-${c.id}`,
                label: `${r.label}: ${c.label}`,
                type: r.type,
                required: r.required,
              },
              given[`${r.id}-${c.id}`],
              table,
              ri + 1,
              ci + 1,
            ),
          ),
        ),
      };
    default:
      return { ...base, fields: def.fields.map((f, i) => field(f, given[f.id], table, i, 1)) };
  }
}

/** Plan data for a template: sections in definition order; a section given as a list repeats as blocks. */
export function buildPlan(def: TemplateDefinition, values: PlanValues, instance = 0): PlanData {
  const sections: SectionData[] = [];
  for (const s of def.sections) {
    const v = values[s.id];
    if (Array.isArray(v)) {
      v.forEach((b: SectionValues, i: number) =>
        sections.push(section(s, { ...b, block: b.block ?? i + 1 })),
      );
    } else {
      const one = v as SectionValues | undefined;
      sections.push(section(s, s.repeats ? { ...one, block: one?.block ?? 1 } : one));
    }
  }
  return { template: def.id, instance, label: def.shortName, sections };
}
