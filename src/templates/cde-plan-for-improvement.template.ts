/**
 * California Compliance and Improvement Monitoring (CIM) Plan for Improvement.
 *
 * The CDE publishes only the instructions for this plan; the layout (header facts, problems of
 * practice with measurable outcomes, one table per High-Leverage Strategy #n, a monitoring log) is
 * reconstructed from them. Each High-Leverage Strategy table is a block; more may be added.
 */
import { defineTemplate } from "../domain/template-definition";

export const cdePlanForImprovement = defineTemplate({
  id: "cde-plan-for-improvement",
  name: "Compliance and Improvement Monitoring (CIM) Plan for Improvement",
  shortName: "CDE Plan for Improvement",
  description:
    "CIM Plan for Improvement: header facts, problems of practice with measurable outcomes, baselines and benchmarks, high-leverage strategies with activities, and an implementation monitoring log.",
  source: "California Department of Education, CIM process, Step 3: Plan for Improvement",
  sections: [
    {
      id: "plan-header",
      label: "LEA and CIM team",
      layout: "form",
      table: {
        anchors: [["Local Educational Agency (LEA)", "LEA", "Local Educational Agency"], ["SELPA"]],
        optionalAnchors: [["CIM Team Lead"], ["Date Submitted"]],
      },
      fields: [
        {
          id: "lea",
          label: "Local Educational Agency (LEA)",
          type: "text",
          required: true,
          slot: "right",
          match: ["Local Educational Agency (LEA)", "Local Educational Agency", "LEA"],
        },
        {
          id: "selpa",
          label: "SELPA",
          type: "text",
          required: true,
          slot: "right",
          match: ["SELPA"],
        },
        {
          id: "monitoring-level",
          label: "Monitoring Level",
          type: "text",
          required: true,
          slot: "right",
          options: [
            "Intensive Level 1",
            "Intensive Level 2",
            "Intensive Level 3",
            "Targeted Level 1",
            "Targeted Level 2",
            "Targeted Level 3",
          ],
          match: ["Monitoring Level"],
        },
        {
          id: "fmta-consultant",
          label: "CDE FMTA Consultant",
          type: "person",
          required: true,
          slot: "right",
          match: ["CDE FMTA Consultant", "FMTA Consultant"],
        },
        {
          id: "cim-team-lead",
          label: "CIM Team Lead",
          type: "person",
          required: true,
          slot: "right",
          match: ["CIM Team Lead", "Team Lead"],
        },
        {
          id: "date-submitted",
          label: "Date Submitted",
          type: "date",
          required: true,
          slot: "right",
          match: ["Date Submitted", "Date"],
        },
      ],
    },
    {
      id: "problems-of-practice",
      label: "Part 1: Problem(s) of Practice and Measurable Outcomes",
      layout: "rows",
      table: {
        anchors: [["Problem of Practice", "Problem(s) of Practice"], ["Measurable Outcome"]],
      },
      rows: { min: 1, max: 10 },
      guidance:
        "Ensure measurable outcomes are quantifiable and focused on student outcomes. Goals, benchmarks, and timelines clearly stated in the plan allow the CIM Team to ensure accountability.",
      columns: [
        {
          id: "problem-of-practice",
          label: "Problem of Practice",
          type: "long-text",
          required: true,
          match: ["Problem of Practice", "Problem(s) of Practice"],
          placeholders: ["{n}."],
        },
        {
          id: "root-causes",
          label: "Root Cause(s)",
          type: "long-text",
          required: true,
          match: ["Root Cause(s)", "Root Causes", "Root Cause"],
        },
        {
          id: "measurable-outcome",
          label: "Measurable Outcome (quantifiable, student-focused)",
          type: "long-text",
          required: true,
          match: ["Measurable Outcome (quantifiable, student-focused)", "Measurable Outcome"],
          guidance: "Ensure measurable outcomes are quantifiable and focused on student outcomes.",
        },
        {
          id: "baseline",
          label: "Baseline Data (initial data point and date)",
          type: "long-text",
          required: true,
          match: ["Baseline Data (initial data point and date)", "Baseline Data", "Baseline"],
          guidance: "The initial data point and its date.",
        },
        {
          id: "short-term-benchmark",
          label: "Short-Term Benchmark",
          type: "text",
          required: true,
          match: ["Short-Term Benchmark", "Benchmark"],
        },
        {
          id: "long-term-target",
          label: "Long-Term Target",
          type: "text",
          required: true,
          match: ["Long-Term Target", "Target"],
        },
      ],
    },
    {
      id: "strategy",
      label: "High-Leverage Strategy",
      layout: "form",
      repeats: true,
      table: {
        anchors: [["High-Leverage Strategy #{n}", "High Leverage Strategy #{n}"]],
        optionalAnchors: [["Problem(s) of Practice Addressed"], ["Activities"]],
      },
      guidance: "Determine High-Leverage Strategies that will address the Problem(s) of Practice.",
      fields: [
        {
          id: "strategy",
          label: "High-Leverage Strategy",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["High-Leverage Strategy #{n}", "High Leverage Strategy #{n}"],
        },
        {
          id: "problems-addressed",
          label: "Problem(s) of Practice Addressed",
          type: "text",
          required: true,
          slot: "below",
          match: ["Problem(s) of Practice Addressed", "Problems Addressed"],
        },
      ],
    },
    {
      id: "activities",
      label: "Activities",
      layout: "rows",
      repeats: true,
      sameTableAs: "strategy",
      table: { anchors: [["Activities"], ["Start Date"]] },
      rows: { min: 1, max: 20 },
      guidance:
        "For each High Leverage Strategy, detail independent timelines for the related activities. Ensure staff is aware of oversight responsibilities; determine what data will be used to measure the effectiveness of the strategy.",
      columns: [
        {
          id: "activity",
          label: "Activities",
          type: "long-text",
          required: true,
          match: ["Activities", "Activity"],
        },
        {
          id: "start-date",
          label: "Start Date",
          type: "date",
          required: true,
          match: ["Start Date", "Start"],
        },
        {
          id: "end-date",
          label: "End Date",
          type: "date",
          required: true,
          match: ["End Date", "End"],
        },
        {
          id: "oversight",
          label: "Person(s) Responsible for Oversight",
          type: "person",
          required: true,
          match: [
            "Person(s) Responsible for Oversight",
            "Person Responsible",
            "Persons Responsible",
            "Owner",
          ],
        },
        {
          id: "effectiveness-data",
          label: "Data Used to Measure Effectiveness",
          type: "long-text",
          required: true,
          match: ["Data Used to Measure Effectiveness", "Data Used"],
        },
        {
          id: "monitoring-dates",
          label: "Progress Monitoring Dates",
          type: "text",
          required: true,
          match: ["Progress Monitoring Dates", "Monitoring Dates"],
        },
      ],
    },
    {
      id: "monitoring-log",
      label: "Part 3: Implementation Monitoring",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Review Date"], ["Progress Toward Benchmark"]] },
      rows: { min: 0, max: 40 },
      guidance:
        "The LEA will use this log to monitor and document the implementation of the Plan for Improvement, reviewing short-term and long-term measures and comparing these with benchmarks and intended outcomes.",
      columns: [
        {
          id: "review-date",
          label: "Review Date",
          type: "date",
          required: true,
          match: ["Review Date", "Date"],
        },
        {
          id: "data-reviewed",
          label: "Data Reviewed",
          type: "long-text",
          required: true,
          match: ["Data Reviewed"],
        },
        {
          id: "progress",
          label: "Progress Toward Benchmark",
          type: "long-text",
          required: true,
          match: ["Progress Toward Benchmark", "Progress"],
        },
        {
          id: "adjustments",
          label: "Adjustments to the Plan",
          type: "long-text",
          required: false,
          match: ["Adjustments to the Plan", "Adjustments"],
        },
        {
          id: "reviewed-by",
          label: "Reviewed By",
          type: "person",
          required: false,
          match: ["Reviewed By"],
        },
      ],
    },
  ],
});
