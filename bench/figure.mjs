// One line per figure, and the same as JSON: the shape every benchmark in this folder reports in.
import { writeFileSync } from "node:fs";

/** @typedef {{ name: string, value: number, unit: string, baseline: string | null, baselineValue: number | null, ratio: number | null, target?: number, met?: boolean, note?: string }} Figure */

/** @type {Figure[]} */
export const figures = [];

function round(n) {
  if (n === null || !Number.isFinite(n)) return n;
  const a = Math.abs(n);
  return a >= 100 ? Math.round(n) : a >= 10 ? Math.round(n * 10) / 10 : Math.round(n * 100) / 100;
}

/**
 * Records and prints one figure. `baseline` (a name and its value in the same unit) gives the
 * ratio value / baseline; pass `higherIsBetter: false` for times and sizes so the ratio still
 * reads "how many times better than the baseline".
 * @param {string} name
 * @param {number} value
 * @param {string} unit
 * @param {{ baseline?: string, baselineValue?: number, higherIsBetter?: boolean, note?: string }} [options]
 * @returns {Figure}
 */
export function figure(name, value, unit, options = {}) {
  const { baseline = null, baselineValue = null, higherIsBetter = true, target, note } = options;
  const ratio =
    baselineValue === null || baselineValue === 0
      ? null
      : higherIsBetter
        ? value / baselineValue
        : baselineValue / value;
  /** @type {Figure} */
  const f = {
    name,
    value: round(value),
    unit,
    baseline,
    baselineValue: round(baselineValue),
    ratio: round(ratio),
  };
  if (target !== undefined && ratio !== null) {
    f.target = round(target);
    f.met = ratio >= target;
  }
  if (note) f.note = note;
  figures.push(f);
  const cols = [
    name.padEnd(46),
    `${f.value} ${unit}`.padEnd(20),
    baseline ? `vs ${baseline} (${f.baselineValue} ${unit})`.padEnd(46) : "".padEnd(46),
    ratio === null ? "" : `x${f.ratio}`,
    f.met === undefined ? "" : f.met ? "(target met)" : "(target MISSED)",
  ];
  console.log(cols.join(" ").trimEnd() + (note ? `  [${note}]` : ""));
  return f;
}

/** Writes every figure recorded so far as JSON. */
export function writeFigures(file) {
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2) +
      "\n",
  );
}
