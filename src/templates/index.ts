/**
 * The templates PlanAssist knows, in the order they are offered. Each definition is validated when
 * this module loads (see `defineTemplate`).
 */
import type { TemplateDefinition } from "../domain/template-definition";
import { cdePlanForImprovement } from "./cde-plan-for-improvement.template";
import { clna } from "./clna.template";
import { ddttActionPlan } from "./ddtt-action-plan.template";
import { perkinsActionPlan } from "./perkins-action-plan.template";
import { sfssActionPlan } from "./sfss-action-plan.template";

export const templates: readonly TemplateDefinition[] = [
  ddttActionPlan,
  perkinsActionPlan,
  clna,
  sfssActionPlan,
  cdePlanForImprovement,
];

export function templateById(id: string): TemplateDefinition | undefined {
  return templates.find((t) => t.id === id);
}

export { cdePlanForImprovement, clna, ddttActionPlan, perkinsActionPlan, sfssActionPlan };
