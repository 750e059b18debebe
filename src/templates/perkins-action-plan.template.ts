/**
 * Perkins CTE action plans: "Program Improvement" and "Recruitment, Retention, & Training".
 *
 * One file holds two plans. Each begins with a bold line "Action Plan: <name>
 * District/Consortium: ____ Date: ____" followed by its plan table, so every such line starts a
 * new plan (instance 0, 1, ...) and the table after it belongs to that plan. In the table, the
 * answer to "Action 1:" and "Resources Required:" go in the same cell, below each label.
 * The signature lines at the end of the file sign both plans; they are read with the last plan
 * (as to-do items: PlanAssist never fills a signature).
 */
import { defineTemplate } from "../domain/template-definition";

const actionCompletion: readonly string[] = ["Completed", "In progress", "Not started"];

export const perkinsActionPlan = defineTemplate({
  id: "perkins-action-plan",
  name: "Perkins Action Plan",
  shortName: "Perkins Action Plan",
  description:
    "Perkins CTE action plans (Program Improvement; Recruitment, Retention, & Training): theory of action, milestones, actions with resources, timeline, participation, evidence of progress and yearly attainment.",
  source: "Massachusetts DESE, Perkins CTE local application action plans",
  planStartsAt: "plan-header",
  sections: [
    {
      id: "plan-header",
      label: "District/Consortium and date",
      layout: "paragraph",
      fields: [
        {
          id: "district-consortium",
          label: "District/Consortium",
          type: "text",
          required: true,
          match: ["District/Consortium", "District", "Consortium"],
        },
        { id: "date", label: "Date", type: "date", required: true, match: ["Date"] },
      ],
    },
    {
      id: "theory-of-action",
      label: "Theory of Action",
      layout: "form",
      table: {
        anchors: [["Theory of Action (If, Then, And Statement)", "Theory of Action"]],
        optionalAnchors: [["Milestone 1 (what to accomplish this year)", "Milestone 1"]],
      },
      fields: [
        {
          id: "theory-of-action",
          label: "Theory of Action (If, Then, And Statement)",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["Theory of Action (If, Then, And Statement)", "Theory of Action"],
          prompts: ["What’s the focus or direction?", "What’s the expected outcome?"],
          guidance:
            "If, Then, And Statement. What’s the focus or direction? What’s the expected outcome?",
        },
        {
          id: "implementation-challenges",
          label: "Implementation challenges",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["What potential implementation challenges need to be addressed?"],
          guidance: "What potential implementation challenges need to be addressed?",
        },
        {
          id: "milestone-1",
          label: "Milestone 1 (what to accomplish this year)",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["Milestone 1 (what to accomplish this year)", "Milestone 1"],
          guidance: "What to accomplish this year.",
        },
        {
          id: "milestone-2",
          label: "Milestone 2 (what to accomplish next year)",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["Milestone 2 (what to accomplish next year)", "Milestone 2"],
          guidance: "What to accomplish next year.",
        },
      ],
    },
    {
      id: "actions",
      label: "Actions",
      layout: "rows",
      sameTableAs: "theory-of-action",
      table: { anchors: [["Action Plan"], ["Timeline"]] },
      rowLabel: "Action {n}:",
      rows: { min: 1, max: 20 },
      guidance:
        "What actions/ tasks will be used to achieve this milestone? What resources are required to implement the plan?",
      columns: [
        {
          id: "action",
          label: "Action",
          type: "long-text",
          required: true,
          match: ["Action Plan", "Actions"],
          cellLabel: ["Action {n}"],
          slot: "below",
          guidance: "What actions/ tasks will be used to achieve this milestone?",
        },
        {
          id: "resources-required",
          label: "Resources Required",
          type: "long-text",
          required: true,
          match: ["Action Plan", "Actions"],
          cellLabel: ["Resources Required"],
          slot: "below",
          guidance: "What resources are required to implement the plan?",
        },
        {
          id: "timeline",
          label: "Timeline",
          type: "date-range",
          required: true,
          match: ["Timeline", "Timeframe", "When"],
          guidance: "When will the actions/ tasks occur?",
        },
        {
          id: "participation",
          label: "Participation and Commitments",
          type: "long-text",
          required: true,
          match: ["Participation and Commitments", "Participation", "Who is involved"],
          guidance:
            "Who is involved and what role do they play? Consider Principals, CTE Team Members, Other Staff Members",
        },
        {
          id: "completion",
          label: "Indicate completion of actions/tasks",
          type: "text",
          required: false,
          options: [...actionCompletion],
          match: ["Indicate completion of actions/tasks", "Completion", "Status"],
          guidance: "Blank until done; then a date, “Completed”, “In progress” or “Not started”.",
        },
      ],
    },
    {
      id: "progress",
      label: "Evidence of progress and attainment",
      layout: "form",
      sameTableAs: "theory-of-action",
      table: { anchors: [["Evidence of Progress"]] },
      fields: [
        {
          id: "evidence-of-progress",
          label: "Evidence of Progress",
          type: "long-text",
          required: true,
          slot: "below",
          match: [
            "Evidence of Progress (How will you know the efforts are leading to success?)",
            "Evidence of Progress",
          ],
          prompts: ["What data points/sources will be analyzed?"],
          guidance:
            "How will you know the efforts are leading to success? What data points/sources will be analyzed?",
        },
        {
          id: "year-1-attainment",
          label: "End of the Year 1 Milestone Attainment Progress",
          type: "long-text",
          required: false,
          slot: "below",
          match: ["End of the Year 1 Milestone Attainment Progress", "Year 1 Milestone Attainment"],
          prompts: [
            "Were the actions/tasks completed? How was the milestone accomplished (provide evidence)?",
          ],
          guidance:
            "Were the actions/tasks completed? How was the milestone accomplished (provide evidence)?",
        },
        {
          id: "year-2-attainment",
          label: "End of the Year 2 Milestone Attainment Progress",
          type: "long-text",
          required: false,
          slot: "below",
          match: ["End of the Year 2 Milestone Attainment Progress", "Year 2 Milestone Attainment"],
          prompts: [
            "Were the actions/tasks completed? How was the milestone accomplished (provide evidence)?",
          ],
          guidance:
            "Were the actions/tasks completed? How was the milestone accomplished (provide evidence)?",
        },
      ],
    },
    {
      id: "superintendent-signature",
      label: "Superintendent/Consortium Director signature",
      layout: "signature-line",
      weight: 0,
      guidance: "Signed by hand on the printed plan; PlanAssist never fills it.",
      fields: [
        {
          id: "signature",
          label: "Superintendent/Consortium Director Signature",
          type: "text",
          required: false,
          match: ["Superintendent/Consortium Director Signature", "Superintendent Signature"],
        },
        { id: "date", label: "Date", type: "date", required: false },
      ],
    },
    {
      id: "perkins-director-signature",
      label: "District Perkins Director signature",
      layout: "signature-line",
      weight: 0,
      guidance: "If applicable. Signed by hand on the printed plan; PlanAssist never fills it.",
      fields: [
        {
          id: "signature",
          label: "District Perkins Director Signature (if applicable)",
          type: "text",
          required: false,
          match: [
            "District Perkins Director Signature (if applicable)",
            "District Perkins Director Signature",
          ],
        },
        { id: "date", label: "Date", type: "date", required: false },
      ],
    },
  ],
});
