/**
 * The rule engine: the common rules plus each template's named rules, run over every plan in a
 * document. `currentDate` is passed in (no clock here), so results are deterministic.
 */
import { completeFinding, sortFindings, type Finding } from "../findings";
import type { DocumentPlanData, PlanData } from "../plan-data";
import type { IsoDate } from "../parse/date";
import { cdeRules } from "./cde-plan-for-improvement.rules";
import { clnaRules } from "./clna.rules";
import { commonRules } from "./common.rules";
import { ddttRules } from "./ddtt-action-plan.rules";
import { perkinsRules } from "./perkins-action-plan.rules";
import type { PlanRule, RuleContext } from "./rule";
import { sfssRules } from "./sfss-action-plan.rules";
import { documentContext, type DocumentContext } from "../document-context";

export const templateRules: Readonly<Record<string, readonly PlanRule[]>> = {
  "ddtt-action-plan": ddttRules,
  "perkins-action-plan": perkinsRules,
  clna: clnaRules,
  "sfss-action-plan": sfssRules,
  "cde-plan-for-improvement": cdeRules,
};

/** Every rule that applies to a template, common rules first. */
function rulesFor(template: string): readonly PlanRule[] {
  return [...commonRules, ...(templateRules[template] ?? [])];
}

/** Checks one plan. */
function checkPlan(plan: PlanData, ctx: RuleContext): Finding[] {
  return rulesFor(plan.template).flatMap((rule) =>
    rule.check(plan, ctx).map((d) => completeFinding(plan, rule.name, d)),
  );
}

type CheckPlansOptions = {
  /** The current date, used where a plan has no date of its own. */
  readonly currentDate: IsoDate;
  /** The document's context (a fresh one for this call unless given). */
  readonly context?: DocumentContext;
};

/** Checks every plan of a document; findings sorted by plan and position. */
export function checkPlans(document: DocumentPlanData, options: CheckPlansOptions): Finding[] {
  const memos = options.context ?? documentContext();
  const ctx: RuleContext = { currentDate: options.currentDate, document, memos };
  return sortFindings(document.plans.flatMap((p) => checkPlan(p, ctx)));
}
