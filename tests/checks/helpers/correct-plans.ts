/** Correctly filled plans, one per template, as plan data (the values a careful district writes). */
import {
  cdePlanForImprovement,
  clna,
  ddttActionPlan,
  perkinsActionPlan,
  sfssActionPlan,
} from "../../../src/templates";
import type { DocumentPlanData, PlanData } from "../../../src/domain/plan-data";
import { buildPlan, type PlanValues } from "./plan-builder";

export const TODAY = "2026-09-01";

export const ddttValues: PlanValues = {
  "plan-header": {
    fields: { "district-school-name": "Springfield Public Schools", "todays-date": "9/1/2026" },
  },
  strategy: {
    fields: {
      strategy:
        "Use common formative assessments in grade 9 math to regroup students every three weeks.",
    },
  },
  "action-steps": {
    rows: [
      {
        "action-step": "Adopt a common assessment calendar",
        resources: "Planning time; data coach",
        measures: "Calendar published to all grade 9 teachers",
        owner: "Dr. Maria Lopez, Principal",
        deadline: "9/15/2026",
      },
      {
        "action-step": "Train teachers on item analysis",
        resources: "Two PD sessions",
        measures: "90% of grade 9 math teachers attend both sessions",
        owner: "James Chen",
        deadline: "Oct. 15, 2026",
      },
      {
        "action-step": "Run the first regrouping cycle",
        resources: "Intervention block",
        measures: "Regrouping roster published",
        owner: "Ana Ruiz, Math Coach",
        deadline: "11/20/2026",
      },
      {
        "action-step": "Review results with the data team",
        resources: "Data team meeting",
        measures: "Meeting minutes with next-cycle targets",
        owner: "Maria Lopez",
        deadline: "2026-12-15",
      },
    ],
  },
};

const perkinsOne: PlanValues = {
  "plan-header": {
    fields: { "district-consortium": "Pioneer Valley CTE Consortium", date: "9/1/2026" },
  },
  "theory-of-action": {
    fields: {
      "theory-of-action":
        "If we align program advisory input with our curriculum, then more students earn industry credentials.",
      "implementation-challenges":
        "Scheduling release time for instructors; employer availability.",
      "milestone-1": "All programs review credentials with their advisory committee.",
      "milestone-2": "Credential attainment rises by 10 points.",
    },
  },
  actions: {
    rows: [
      {
        action: "Hold credential review meetings",
        "resources-required": "Substitute coverage",
        timeline: "Sept-Dec 2026",
        participation: "Maria Lopez, CTE Director: leads the meetings",
        completion: "",
      },
      {
        action: "Purchase practice exams",
        "resources-required": "$4,000 from Perkins",
        timeline: "1/15/2027 - 3/1/2027",
        participation: "James Chen, Program Chair: selects the exams",
        completion: "In progress",
      },
    ],
  },
  progress: {
    fields: {
      "evidence-of-progress": "Credential attainment rates by program and student group (CTE-ART).",
      "year-1-attainment": "",
      "year-2-attainment": "",
    },
  },
};

export const perkinsDocument = (): DocumentPlanData => ({
  format: "planassist.plan-data",
  version: 1,
  plans: [buildPlan(perkinsActionPlan, perkinsOne, 0), buildPlan(perkinsActionPlan, perkinsOne, 1)],
});

export const perkinsValues = perkinsOne;

function clnaValues(): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const s of clna.sections) {
    if (s.id.endsWith("-identify") && s.layout === "form") {
      v[s.id] = {
        fields: Object.fromEntries(
          s.fields.map((f) => [f.id, "Our programs show strong completion but uneven access."]),
        ),
      };
    }
    if (s.layout === "rating") {
      const rating = s.id === "component-3-ratings" ? "Developing" : "Established";
      v[s.id] = { fields: Object.fromEntries(s.fields.map((f) => [f.id, [rating]])) };
    }
    if (s.layout === "choice-matrix") {
      v[s.id] = { fields: Object.fromEntries(s.fields.map((f) => [f.id, ["Yes"]])) };
    }
  }
  v["component-1-review"] = {
    fields: {
      "enrollment-all-students": "1,240",
      "staff-ratio-all-students": "12:1",
      "ela-mcas-all-students": "64%",
    },
  };
  v["action-plan-goals"] = {
    fields: {
      "plan-start-date": "9/1/2026",
      "plan-end-date": "6/30/2027",
      "current-date": "9/1/2026",
      "next-revisit-date": "11/15/2026",
      "quality-component": "Equitable Access",
      "high-leverage-area": "Admissions and waitlist practices",
      "brief-description": "Review admissions criteria and outreach to under-represented groups.",
      "related-metric": "% getting first or second choice",
      "metric-target": "85% of applicants get first or second choice",
    },
  };
  v["school-next-steps"] = {
    rows: [
      { what: "Audit admissions rubric", who: "Maria Lopez, Principal", "by-when": "10/15/2026" },
      { what: "Run outreach nights", who: "James Chen", "by-when": "11/30/2026" },
    ],
  };
  return v;
}

export const sfssChallenge = (n: number) => ({
  challenge: {
    block: n,
    fields: {
      description: `Chronic absence in grade ${8 + n}`,
      "supporting-data": "22% chronically absent (2025-26 SIMS)",
      "target-outcomes": "Below 12% by June 2027",
    },
  },
  "root-causes": {
    block: n,
    fields: {
      "root-cause-a": "No early-warning routine",
      "root-cause-b": "",
      "root-cause-c": "",
      "root-cause-d": "",
    },
  },
  strategies: {
    block: n,
    rows: [
      {
        strategy: "1. Weekly attendance team",
        "implementation-steps": "Set meeting time; build the watch list; assign mentors",
        "by-when": "10/1/2026",
        "by-who": "Maria Lopez",
        priorities: "Proactive Student-Specific Support System",
      },
    ],
  },
});

function sfssValues(): PlanValues {
  const one = sfssChallenge(1);
  const two = sfssChallenge(2);
  return {
    district: { fields: { "district-name": "Springfield Public Schools" } },
    challenge: [one.challenge, two.challenge],
    "root-causes": [one["root-causes"], two["root-causes"]],
    strategies: [one.strategies, two.strategies],
    resources: {
      rows: [
        {
          expenditure: "Attendance mentors stipends",
          "anticipated-costs": "$12,000",
          "funding-source": "Title I",
        },
      ],
    },
  };
}

export const cdeValues: PlanValues = {
  "plan-header": {
    fields: {
      lea: "Riverside Unified",
      selpa: "Riverside County SELPA",
      "monitoring-level": "Intensive Level 2",
      "fmta-consultant": "Dana Whitfield",
      "cim-team-lead": "Dr. Omar Haddad, Director of Special Education",
      "date-submitted": "9/1/2026",
    },
  },
  "problems-of-practice": {
    rows: [
      {
        "problem-of-practice": "Students with disabilities score far below peers in ELA",
        "root-causes": "Limited access to core instruction",
        "measurable-outcome": "SWD meeting ELA standard rises from 12% to 20%",
        baseline: "12% (2024-25 CAASPP)",
        "short-term-benchmark": "15% on interim assessments by February 2027",
        "long-term-target": "20% by spring 2028",
      },
    ],
  },
  strategy: {
    fields: {
      strategy: "Co-teaching in grade 6-8 ELA",
      "problems-addressed": "Problem of Practice 1",
    },
  },
  activities: {
    rows: [
      {
        activity: "Train co-teaching pairs",
        "start-date": "9/15/2026",
        "end-date": "6/1/2027",
        oversight: "Dr. Omar Haddad",
        "effectiveness-data": "Observation rubric scores; interim ELA results",
        "monitoring-dates": "11/15/2026; 2/15/2027; 5/15/2027",
      },
    ],
  },
};

export function correctPlans(): Record<string, DocumentPlanData> {
  const doc = (...plans: PlanData[]): DocumentPlanData => ({
    format: "planassist.plan-data",
    version: 1,
    plans,
  });
  return {
    "ddtt-action-plan": doc(buildPlan(ddttActionPlan, ddttValues)),
    "perkins-action-plan": perkinsDocument(),
    clna: doc(buildPlan(clna, clnaValues() as PlanValues)),
    "sfss-action-plan": doc(buildPlan(sfssActionPlan, sfssValues())),
    "cde-plan-for-improvement": doc(buildPlan(cdePlanForImprovement, cdeValues)),
  };
}
