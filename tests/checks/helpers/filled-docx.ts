/** A correctly filled CDE Plan for Improvement .docx, made from the replica. */
import { defaultPlanReader } from "../../../src/app/check";
import { openDocx } from "../../../src/adapters/docx/docx-file";
import { templateBytes } from "../../helpers/fixtures";
import { cdeValues } from "./correct-plans";
import { fillCells, type CellText } from "./fill-cells";
import type { SectionValues } from "./plan-builder";

export function filledCdeDocx(): Uint8Array {
  const bytes = templateBytes("cde-plan-for-improvement");
  const opened = openDocx(bytes);
  if (!opened.ok) throw new Error(opened.error.message);
  const { data } = defaultPlanReader(opened.value.read.snapshot);
  const cells: CellText[] = [];
  for (const plan of data.plans) {
    for (const section of plan.sections) {
      const values = cdeValues[section.id] as SectionValues | undefined;
      if (!values) continue;
      for (const f of section.fields) {
        const v = values.fields?.[f.id];
        if (typeof v === "string" && v !== "" && f.location?.kind === "cell")
          cells.push({ location: f.location, text: v });
      }
      (section.rows ?? []).forEach((row, i) => {
        const rv = values.rows?.[i];
        if (!rv) return;
        for (const c of row.cells) {
          const v = rv[c.id];
          if (v && c.location?.kind === "cell") cells.push({ location: c.location, text: v });
        }
      });
    }
  }
  return fillCells(bytes, cells);
}
