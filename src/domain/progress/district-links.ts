/**
 * Linking the plans of one district: a district's CLNA says which components are weak (a criterion
 * rated Developing or Challenge, a compliance item answered No); its Perkins action plans should
 * address them. This is the cross-document counterpart of the CLNA's own rule that its action
 * plan's Quality Component is one of the weakest rated.
 *
 * Pure: plan data in, findings on the Perkins plans out. Which plans belong to one district is the
 * caller's choice (`groupKey` below reads the district name a plan gives).
 */
import type { Finding } from "../findings";
import type { FieldData, PlanData } from "../plan-data";

/** The seven CLNA components, by number. */
const components: readonly { readonly name: string; readonly words: RegExp }[] = [
  {
    name: "Teaching & Learning",
    words:
      /teaching|learning experience|curricul|instruction|mcas|academic|lesson|pedagog|co-?teach/i,
  },
  {
    name: "Post-Graduation Readiness",
    words:
      /readiness|credential|\birc\b|co-?op|cooperative education|work-?based|postsecondary|placement|masscore|advanced coursework|industry|employer|internship|apprentic/i,
  },
  {
    name: "Equitable Access",
    words:
      /equit|access|admission|enrol|recruit|applica|underrepresent|special populations|outreach|first or second choice/i,
  },
  {
    name: "Learning Environment",
    words: /environment|climate|culture|\bsafe|vocal|belonging|bullying|wellness/i,
  },
  {
    name: "Post-Graduation Planning",
    words: /mycap|post-?graduation planning|career plan|retention|dropout|counsel|advising/i,
  },
  {
    name: "Continuous Improvement",
    words:
      /continuous improvement|feedback|data (?:review|analysis|collection)|analy[sz]e data|professional development|\bpd\b|hiring|recruit(?:ing|ment)? (?:of )?(?:staff|teachers|educators)|fiscal|budget|advisory/i,
  },
  {
    name: "Compliance/Regulatory Requirements",
    words:
      /complian|regulat|licens|program advisory committee|\bpac\b|health (?:&|and) safety plan|audit|inventory|record retention|waive/i,
  },
];

const ratingWeak: ReadonlySet<string> = new Set(["developing", "challenge"]);

function chosen(field: FieldData): string | undefined {
  const values = (Array.isArray(field.value) ? field.value : [field.value]).filter(
    (v) => v.trim() !== "",
  );
  return values.length === 1 ? values[0]?.trim().toLowerCase() : undefined;
}

/** Numbers (1-7) of the components a CLNA rates weak, in order. */
export function weakComponents(clna: PlanData): number[] {
  const weak = new Set<number>();
  for (const s of clna.sections) {
    const m = /^component-(\d)-ratings$/.exec(s.id);
    if (m && s.fields.some((f) => ratingWeak.has(chosen(f) ?? ""))) weak.add(Number(m[1]));
    if (s.id === "compliance" && s.fields.some((f) => chosen(f) === "no")) weak.add(7);
  }
  return [...weak].sort((a, b) => a - b);
}

function planText(plan: PlanData): string {
  const parts: string[] = [];
  for (const s of plan.sections) {
    if (!["theory-of-action", "actions"].includes(s.id)) continue;
    for (const f of s.fields) parts.push(Array.isArray(f.value) ? f.value.join(" ") : f.value);
    for (const r of s.rows ?? [])
      for (const c of r.cells)
        if (c.id === "action" || c.id === "resources-required")
          parts.push(Array.isArray(c.value) ? c.value.join(" ") : c.value);
  }
  return parts.join("\n");
}

/** Whether a Perkins plan's actions, theory of action or milestones speak to a component. */
function addresses(plans: readonly PlanData[], component: number): boolean {
  const c = components[component - 1];
  if (!c) return false;
  const name = new RegExp(c.name.replace(/[&/]/g, ".").replace(/\s+/g, "\\s*"), "i");
  return plans.some((p) => {
    const text = planText(p);
    return (
      name.test(text) || c.words.test(text) || new RegExp(`\\b${component}\\.\\d\\b`).test(text)
    );
  });
}

/** The field that names the district, by template. */
const districtFields: Readonly<Record<string, string>> = {
  "ddtt-action-plan": "district-school-name",
  "perkins-action-plan": "district-consortium",
  "sfss-action-plan": "district-name",
  "cde-plan-for-improvement": "lea",
};

/** The district a plan names, as written; undefined when it names none (the CLNA has no line for it). */
export function districtName(plan: PlanData): string | undefined {
  const id = districtFields[plan.template];
  if (!id) return undefined;
  for (const s of plan.sections) {
    const f = s.fields.find((x) => x.id === id);
    const v = f && typeof f.value === "string" ? f.value.trim() : "";
    if (v !== "") return v;
  }
  return undefined;
}

/**
 * What linking reads of a plan: a CLNA or a Perkins plan whole, of any other plan only the field
 * that names its district (so a batch of many files need not keep every plan's data to link them).
 * `districtName` and `districtLinkFindings` give the same answers for it as for the whole plan.
 */
export function planForLinks(plan: PlanData): PlanData {
  if (plan.template === "clna" || plan.template === "perkins-action-plan") return plan;
  const id = districtFields[plan.template];
  const sections = id
    ? plan.sections.flatMap((s) => {
        const { rows: _rows, ...section } = s;
        const fields = s.fields.filter((f) => f.id === id);
        return fields.length > 0 ? [{ ...section, fields }] : [];
      })
    : [];
  return { ...plan, sections };
}

/** A district name reduced to what tells districts apart ("Pioneer Valley Public Schools" = "pioneer valley"). */
export function districtKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(
      /\b(?:public schools?|school district|regional|district|schools?|consortium|cte|vocational|technical|the|of)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** A Perkins file's plans, where its findings go. */
type PerkinsFile = { readonly name: string; readonly plans: readonly PlanData[] };

const LINK_RULE = "district_clna_linked";
const LINK_CODE = "clna_weak_component_not_addressed";

/**
 * Findings for each Perkins file of a district: one per component its CLNA(s) rate weak that no
 * Perkins action of the district addresses. Placed on the file's first plan, at its actions.
 */
export function districtLinkFindings(
  clnas: readonly { readonly name: string; readonly plan: PlanData }[],
  perkins: readonly PerkinsFile[],
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (clnas.length === 0 || perkins.length === 0) return out;
  const all = perkins.flatMap((p) => p.plans);
  const weak = new Map<number, string[]>();
  for (const c of clnas)
    for (const n of weakComponents(c.plan)) weak.set(n, [...(weak.get(n) ?? []), c.name]);
  const missing = [...weak.keys()].sort((a, b) => a - b).filter((n) => !addresses(all, n));
  if (missing.length === 0) return out;
  for (const file of perkins) {
    const plan = file.plans[0];
    if (!plan) continue;
    const actions = plan.sections.find((s) => s.id === "actions");
    const location = actions?.rows?.flatMap((r) => r.cells).find((c) => c.location)?.location;
    out.set(
      file.name,
      missing.map((n) => {
        const f: Finding = {
          code: LINK_CODE,
          severity: "warning",
          message: `The district's CLNA (${(weak.get(n) ?? []).join(", ")}) rates ${n}: ${components[n - 1]?.name} ${n === 7 ? "with a compliance item answered No" : "Developing or Challenge"}, but no Perkins action addresses it. Add an action for it, or name the component in an action or the theory of action.`,
          rule: LINK_RULE,
          template: plan.template,
          plan: plan.instance,
          planLabel: plan.label,
        };
        if (actions) {
          f.section = actions.id;
          f.sectionLabel = actions.label;
        }
        if (location) f.location = location;
        return f;
      }),
    );
  }
  return out;
}
