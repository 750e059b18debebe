/**
 * SFSS action planning: 2-4 challenges, each with root causes and strategies connected to the
 * five SFSS priorities; Four R's rows complete once started (the field rule), costs as money.
 */
import type { FindingDraft } from "../findings";
import type { SectionData } from "../plan-data";
import { measureFindings } from "./common.rules";
import { defineRule, fieldOf, filled, sectionsOf, usedRows, type PlanRule } from "./rule";

function blockUsed(sections: readonly SectionData[]): boolean {
  return sections.some((s) => s.fields.some((f) => filled(f)) || usedRows(s).length > 0);
}

const sfssChallengeCount: PlanRule = defineRule({
  name: "sfss_challenge_count",
  description: "The plan names 2 to 4 challenges.",
  check(plan) {
    const challenges = sectionsOf(plan, "challenge");
    const blocks = new Map<number, SectionData[]>();
    for (const s of plan.sections) {
      if (s.block === undefined) continue;
      blocks.set(s.block, [...(blocks.get(s.block) ?? []), s]);
    }
    const used = challenges.filter((c) => blockUsed(blocks.get(c.block ?? 1) ?? [c]));
    if (used.length >= 2 && used.length <= 4) return [];
    const at = used[used.length - 1] ?? challenges[0];
    const d: FindingDraft = {
      ...(at ? { section: at } : {}),
      code: used.length < 2 ? "challenges_too_few" : "challenges_too_many",
      severity: "warning",
      message:
        used.length < 2
          ? `The plan has ${used.length} challenge${used.length === 1 ? "" : "s"}; SFSS asks for 2 to 4 high-priority challenges. Add a Challenge/Problem block (copy the first).`
          : `The plan has ${used.length} challenges; SFSS asks for 2 to 4. Keep the highest-priority ones.`,
    };
    return [d];
  },
});

const sfssTargetOutcomesObservable: PlanRule = defineRule({
  name: "sfss_target_outcomes_observable",
  description:
    "Each challenge's Target Outcomes are observable (a number, a percentage, a date or a named artifact).",
  check(plan) {
    return sectionsOf(plan, "challenge").flatMap((section) => {
      const field = fieldOf(section, "target-outcomes");
      return field ? measureFindings(section, field, fieldOf(section, "description")) : [];
    });
  },
});

export const sfssRules: readonly PlanRule[] = [sfssChallengeCount, sfssTargetOutcomesObservable];
