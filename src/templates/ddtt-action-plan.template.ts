/**
 * DDTT Action Plan Template 5.3.1T (Massachusetts District Data Team Toolkit).
 *
 * The template prints a blank illustration of the plan table (Strategy, then Action Steps ...
 * Deadline, without guiding questions) in its "Components of an Action Plan" text, and the real
 * plan table after "District/School Name: ____ Today's Date: ____", whose third row holds the
 * guiding questions. When any matching table has that guiding-question row, tables without it are
 * the illustration and are not read; when the guiding questions were deleted, the tables after the
 * "District/School Name" line are the plan. A district that copies the plan table for a second strategy
 * gets a second block (block 2) of the strategy and action-step sections.
 */
import { defineTemplate } from "../domain/template-definition";

export const ddttActionPlan = defineTemplate({
  id: "ddtt-action-plan",
  name: "Action Plan Template 5.3.1T",
  shortName: "DDTT Action Plan",
  description:
    "District Data Team Toolkit action plan: a strategy with its action steps, resources, measures of implementation, owner and deadline.",
  source: "Massachusetts District Data Team Toolkit, Module 5: Action, 5.3.1T",
  sections: [
    {
      id: "plan-header",
      label: "District and date",
      layout: "paragraph",
      fields: [
        {
          id: "district-school-name",
          label: "District/School Name",
          type: "text",
          required: true,
          match: ["District/School Name", "District Name", "School Name"],
        },
        {
          id: "todays-date",
          label: "Today’s Date",
          type: "date",
          required: true,
          match: ["Today’s Date", "Date"],
        },
      ],
    },
    {
      id: "strategy",
      label: "Strategy",
      layout: "form",
      repeats: true,
      sameTableAs: "action-steps",
      table: { anchors: [["Strategy"]] },
      guidance: "Begin by articulating the overarching strategy that the action plan will support.",
      fields: [
        {
          id: "strategy",
          label: "Strategy",
          type: "long-text",
          required: true,
          slot: "below",
          match: ["Strategy"],
          guidance:
            "Indicate the strategy—the specific means, method, or approach to solving the identified problem(s). Since the strategy is the driver of the action plan, it is essential that the Team think carefully about this component.",
        },
      ],
    },
    {
      id: "action-steps",
      label: "Action steps",
      layout: "rows",
      repeats: true,
      preferGuidanceRow: true,
      guidance:
        "Respond to the guiding questions in each column, proceeding from left to right. Each action step should have corresponding information in each of the other columns. For every action step, there should be resources, at least one measure of implementation, an owner, and a deadline for completion.",
      table: {
        anchors: [["Action Steps", "Action Step", "Actions"]],
        // The strategy's row heads the table, above the action steps' header.
        startsWith: ["Strategy"],
      },
      guidanceRow: ["What steps must be taken to implement our strategy?"],
      rows: { min: 1, max: 40 },
      columns: [
        {
          id: "action-step",
          label: "Action Steps",
          type: "long-text",
          required: true,
          match: ["Action Steps", "Action Step", "Actions", "Steps"],
          guidance:
            "What steps must be taken to implement our strategy? List the action steps that describe the major steps that must be taken to implement the strategy. They should be listed in order of completion.",
        },
        {
          id: "resources",
          label: "Resources",
          type: "long-text",
          required: true,
          match: ["Resources", "Resources Needed", "Supports"],
          guidance: "What specific supports are needed to implement this action step?",
        },
        {
          id: "measures",
          label: "Measures of Implementation (Outputs)",
          type: "long-text",
          required: true,
          match: [
            "Measures of Implementation (Outputs)",
            "Measures of Implementation",
            "Measures",
            "Outputs",
          ],
          guidance:
            "How will readers of the plan know the action step or strategy is fully realized or carried out?",
        },
        {
          id: "owner",
          label: "Owner",
          type: "person",
          required: true,
          match: ["Owner", "Person Responsible", "Responsible", "Lead", "Who"],
          guidance:
            "Who is most closely responsible and accountable for taking each action step? It is essential that this be a specific person.",
        },
        {
          id: "deadline",
          label: "Deadline",
          type: "date",
          required: true,
          match: ["Deadline", "Due Date", "By When", "Completion Date"],
          guidance: "By when will the step be completed?",
        },
      ],
    },
  ],
});
