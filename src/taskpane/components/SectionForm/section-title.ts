import type { SectionData } from "../../../domain/plan-data";

/** A section's title, with its block number when the template repeats it ("Strategy 2"). */
export function sectionTitle(section: SectionData): string {
  return section.block !== undefined && !section.label.includes(String(section.block))
    ? `${section.label} ${section.block}`
    : section.label;
}
