// Writing: time to fill every field of the CLNA in a .docx, as a round trip: inspect the blank
// template, fill every field and row cell with a value of its type, inspect the result.
import { replicas } from "./corpus.mjs";
import { clockFor } from "./clock.mjs";

const sample = {
  text: "Weekly data team review of reading benchmarks",
  "long-text": "Students in grades 3 to 5 gain two reading levels.\nTeachers meet monthly.",
  person: "Dana Smith, Principal",
  date: "9/15/2026",
  "date-range": "9/1/2026 - 6/30/2027",
  number: "12",
  percent: "75%",
  ratio: "3:1",
  money: "$1,200",
};

function valueFor(field) {
  if (field.type === "single-choice") return field.options?.[0] ?? "";
  if (field.type === "multiple-choice") return field.options?.slice(0, 1) ?? [];
  return sample[field.type] ?? sample.text;
}

/** The plan data with every field and row cell given a value. */
function everyField(data) {
  let count = 0;
  const fill = (f) => {
    count++;
    return { ...f, value: valueFor(f) };
  };
  const plans = data.plans.map((p) => ({
    ...p,
    sections: p.sections.map((s) => ({
      ...s,
      fields: s.fields.map(fill),
      ...(s.rows ? { rows: s.rows.map((r) => ({ ...r, cells: r.cells.map(fill) })) } : {}),
    })),
  }));
  return { data: { ...data, plans }, count };
}

function filledCount(data) {
  let n = 0;
  const filled = (f) => (Array.isArray(f.value) ? f.value.length > 0 : f.value.trim() !== "");
  for (const p of data.plans)
    for (const s of p.sections) {
      for (const f of s.fields) if (filled(f)) n++;
      for (const r of s.rows ?? []) for (const f of r.cells) if (filled(f)) n++;
    }
  return n;
}

export async function run({ lib, root, figure, quick, wall }) {
  const bytes = replicas(root).find((r) => r.name.startsWith("clna"))?.bytes;
  if (!bytes) throw new Error("no CLNA replica");
  const clock = clockFor(wall ? "wall" : "cpu");
  const roundTrip = () => {
    const before = lib.inspectDocx(bytes);
    if (!before.ok) throw new Error(before.error.message);
    const { data, count } = everyField(before.value.data);
    const filled = lib.fillDocxWithPlanData(bytes, data, { now: new Date("2026-01-15T10:00:00Z") });
    if (!filled.ok) throw new Error(`${filled.error.code}: ${filled.error.message}`);
    const after = lib.inspectDocx(filled.value.report.bytes);
    if (!after.ok) throw new Error(after.error.message);
    return {
      count,
      written: filled.value.report.written.length,
      read: filledCount(after.value.data),
    };
  };
  const first = clock();
  const result = roundTrip();
  const cold = clock() - first;
  const times = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const t = clock();
    roundTrip();
    times.push(clock() - t);
  }
  times.sort((a, b) => a - b);
  const unit = wall ? "ms" : "CPU ms";
  figure(
    "fill every CLNA field (inspect, fill, inspect)",
    times[Math.floor(times.length / 2)],
    unit,
    {
      note: `median of ${times.length}; ${result.count} values, ${result.written} edits written, ${result.read} read back filled`,
    },
  );
  figure("the same, first run in the process", cold, unit, { note: "includes compiling the code" });
}
