/**
 * `check --group-by FILE.csv`: the district of each file as a consultant says it, one
 * `file,district` row per file; file names are relative to the CSV's folder unless absolute.
 */
import path from "path";
import { parseDistrictGroups } from "../app/check";
import type { CliIo } from "./io";

/** The district of each of `names` (as the batch names them) that the CSV lists; a string is an error to show. */
export async function readGroupBy(
  io: CliIo,
  csv: string,
  names: readonly string[],
): Promise<Map<string, string> | string> {
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(csv));
  } catch {
    return `the --group-by file ${csv} cannot be read. Check the path.`;
  }
  const parsed = parseDistrictGroups(text, (f) => path.resolve(path.dirname(csv), f));
  if (!parsed.ok) return parsed.error.message;
  const out = new Map<string, string>();
  for (const name of names) {
    const district = parsed.value.get(path.resolve(name));
    if (district !== undefined) out.set(name, district);
  }
  return out;
}
