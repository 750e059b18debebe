/**
 * Systems for Student Success (SFSS) action planning template.
 *
 * Each Challenge/Problem #n is a block of three tables (description, root causes, strategies);
 * blocks are numbered from the table titles and more may be added. A strategy's "Five SFSS
 * Priorities Connection" cell lists the five priorities, one paragraph each: a priority is checked
 * when its paragraph carries a checked mark (☒, ✓, ●, a Wingdings check or a typed leading X).
 * PlanAssist marks a checked priority by writing "☒ " before it (and "☐ " before the others), a
 * mark that prints and reads back.
 */
import { defineTemplate } from "../domain/template-definition";

export const sfssPriorities: readonly string[] = [
  "Strong Climate & Culture",
  "Engaging Instruction for Academics & SEL",
  "Proactive Student-Specific Support System",
  "Systematic Parent & Family Engagement",
  "Strategic Partnerships & Coalitions",
];

const fourRsRows = { min: 0, max: 30 };

export const sfssActionPlan = defineTemplate({
  id: "sfss-action-plan",
  name: "Systems for Student Success Initiative: Action Planning Template",
  shortName: "SFSS Action Plan",
  description:
    "SFSS action planning: challenges with data and target outcomes, root causes, strategies with implementation steps and the five SFSS priorities, and the Four R's of system change.",
  source: "Massachusetts DESE, Systems for Student Success (SFSS) Initiative",
  sections: [
    {
      id: "district",
      label: "District",
      layout: "paragraph",
      fields: [
        {
          id: "district-name",
          label: "District Name",
          type: "text",
          required: true,
          match: ["District Name", "District"],
          placeholders: ["<Insert district name>"],
        },
      ],
    },
    {
      id: "challenge",
      label: "Challenge/Problem",
      layout: "form",
      repeats: true,
      table: {
        anchors: [["Challenge/Problem #{n}", "Challenge #{n}"]],
        optionalAnchors: [["Description of Challenge/Problem"], ["Target Outcomes"]],
      },
      guidance:
        "As a team, identify 2-4 high priority challenges/problems which emerged from your student experience data and SFSS Five Priorities analysis.",
      fields: [
        {
          id: "description",
          label: "Description of Challenge/Problem",
          type: "long-text",
          required: true,
          slot: "next-row",
          match: ["Description of Challenge/Problem", "Description"],
          guidance:
            "Identify a high priority challenge/problem which emerged from your student experience data and SFSS Five Priorities analysis.",
        },
        {
          id: "supporting-data",
          label: "Supporting Data and Evidence",
          type: "long-text",
          required: true,
          slot: "next-row",
          match: ["Supporting Data and Evidence", "Supporting Data"],
          guidance: "How do you know this is a challenge? What data tells you this is an issue?",
        },
        {
          id: "target-outcomes",
          label: "Target Outcomes",
          type: "long-text",
          required: true,
          slot: "next-row",
          match: ["Target Outcomes", "Outcomes"],
          guidance:
            "What outcomes do you want instead? What would it look like if you addressed this challenge in a systematic way? What systems would change and what would be the positive impact for students?",
        },
      ],
    },
    {
      id: "root-causes",
      label: "Root Causes",
      layout: "form",
      repeats: true,
      table: { anchors: [["Root Causes Contributing to Challenge #{n}"]] },
      guidance:
        "Consider the root cause or causes contributing to each challenge/problem. What are the deeper, underlying reasons for why the challenge emerged? What are the systems (or lack of systems) that allow for this challenge to develop, grow and continue unaddressed?",
      fields: ["A", "B", "C", "D"].map((letter, i) => ({
        id: `root-cause-${letter.toLowerCase()}`,
        label: `Root Cause ${letter}`,
        type: "long-text" as const,
        required: i === 0,
        slot: "right" as const,
        match: [`Root Cause ${letter}`],
      })),
    },
    {
      id: "strategies",
      label: "Systems and Strategies",
      layout: "rows",
      repeats: true,
      table: {
        anchors: [
          ["System / Strategy Description", "Strategy Description", "System/Strategy"],
          ["Key Implementation Steps", "Implementation Steps"],
        ],
        optionalAnchors: [
          [
            "Systems and Strategies to Address Root Causes of Challenge #{n} and Implementation Steps",
          ],
        ],
        startsWith: [
          "Systems and Strategies to Address Root Causes of Challenge #{n} and Implementation Steps",
          "Systems and Strategies to Address Root Causes of Challenge #{n}",
        ],
      },
      guidance:
        "For each challenge, determine the necessary systems and strategies you could improve or adopt to address the root causes. For each system improvement/strategy, identify the steps or key activities your team will need to take for implementation, by when and by whom.",
      rows: { min: 1, max: 12 },
      columns: [
        {
          id: "strategy",
          label: "System / Strategy Description",
          type: "long-text",
          required: true,
          match: ["System / Strategy Description", "Strategy Description", "Strategy"],
          placeholders: ["{n}."],
          guidance:
            "How will your proposed strategies address systemic changes needed at the school and/or district level?",
        },
        {
          id: "implementation-steps",
          label: "Key Implementation Steps",
          type: "long-text",
          required: true,
          match: ["Key Implementation Steps", "Implementation Steps", "Steps"],
          guidance:
            "Identify the steps or key activities your team will need to take for implementation.",
        },
        {
          id: "by-when",
          label: "By When?",
          type: "date",
          required: true,
          match: ["By When?", "By When", "Deadline", "Due Date"],
        },
        {
          id: "by-who",
          label: "By Who?",
          type: "person",
          required: true,
          match: ["By Who?", "By Who", "By Whom", "Owner", "Person Responsible"],
        },
        {
          id: "priorities",
          label: "Five SFSS Priorities Connection",
          type: "multiple-choice",
          required: true,
          options: [...sfssPriorities],
          match: ["Five SFSS Priorities Connection", "SFSS Priorities", "Priorities"],
          guidance:
            "Review the SFSS Five Priority Areas & Look Fors. Are your proposed strategies fundamentally changing or improving how the school or district currently addresses the challenge you identified?",
        },
      ],
    },
    {
      id: "rules",
      label: "Rules",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Policy, Protocol, Code, or Guideline that Needs to be Adjusted"]] },
      rows: fourRsRows,
      guidance:
        "Use the “Four R’s of System Change” to describe your plan for addressing the resource, infrastructure and system management implications of your proposed system changes.",
      columns: [
        {
          id: "policy",
          label: "Policy, Protocol, Code, or Guideline that Needs to be Adjusted",
          type: "long-text",
          required: true,
          match: ["Policy, Protocol, Code, or Guideline that Needs to be Adjusted", "Policy"],
        },
        {
          id: "adjustments",
          label: "Adjustments Needed",
          type: "long-text",
          required: true,
          match: ["Adjustments Needed"],
        },
        {
          id: "supports",
          label: "Supports Needed to Make Adjustments",
          type: "long-text",
          required: true,
          match: ["Supports Needed to Make Adjustments", "Supports Needed"],
        },
      ],
    },
    {
      id: "roles",
      label: "Roles",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Shifting (or New) Role"]] },
      rows: fourRsRows,
      columns: [
        {
          id: "role",
          label: "Shifting (or New) Role",
          type: "text",
          required: true,
          match: ["Shifting (or New) Role", "Role"],
        },
        {
          id: "shifts",
          label: "Shifts in Expectations/Responsibilities/Focus for that Role",
          type: "long-text",
          required: true,
          match: ["Shifts in Expectations/Responsibilities/Focus for that Role", "Shifts"],
        },
        {
          id: "supports",
          label: "Supports/PD Needed to Make Shift",
          type: "long-text",
          required: true,
          match: ["Supports/PD Needed to Make Shift", "Supports Needed"],
        },
      ],
    },
    {
      id: "relationships",
      label: "Relationships",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Teaming/Collaboration Structure Needing to be Created or Adjusted"]] },
      rows: fourRsRows,
      columns: [
        {
          id: "structure",
          label: "Teaming/Collaboration Structure Needing to be Created or Adjusted",
          type: "long-text",
          required: true,
          match: ["Teaming/Collaboration Structure Needing to be Created or Adjusted", "Structure"],
        },
        {
          id: "who-is-involved",
          label: "Who Is Involved",
          type: "text",
          required: true,
          match: ["Who Is Involved", "Who"],
        },
        {
          id: "key-notes",
          label: "Key Notes (Methodology, Frequency, etc.)",
          type: "long-text",
          required: false,
          match: ["Key Notes (Methodology, Frequency, etc.)", "Key Notes", "Notes"],
        },
      ],
    },
    {
      id: "resources",
      label: "Resources",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Expenditure/Budget Implication"], ["Anticipated Costs"]] },
      rows: fourRsRows,
      columns: [
        {
          id: "expenditure",
          label: "Expenditure/Budget Implication",
          type: "long-text",
          required: true,
          match: ["Expenditure/Budget Implication", "Expenditure"],
        },
        {
          id: "anticipated-costs",
          label: "Anticipated Costs",
          type: "money",
          required: true,
          match: ["Anticipated Costs", "Cost", "Costs"],
          placeholders: ["$"],
          guidance: "An amount of money (the cell starts with “$”).",
        },
        {
          id: "funding-source",
          label: "Funding Source / Reallocation",
          type: "text",
          required: true,
          match: ["Funding Source / Reallocation", "Funding Source"],
        },
      ],
    },
    {
      id: "partners",
      label: "Partners",
      layout: "rows",
      weight: 0.5,
      table: { anchors: [["Partner Role"], ["Shifts in Responsibility/Focus"]] },
      rows: fourRsRows,
      columns: [
        {
          id: "partner-role",
          label: "Partner Role",
          type: "text",
          required: true,
          match: ["Partner Role", "Partner"],
        },
        {
          id: "shifts",
          label: "Shifts in Responsibility/Focus",
          type: "long-text",
          required: true,
          match: ["Shifts in Responsibility/Focus", "Shifts"],
        },
        {
          id: "supports",
          label: "Supports Needed to Make the Shift",
          type: "long-text",
          required: true,
          match: ["Supports Needed to Make the Shift", "Supports Needed"],
        },
      ],
    },
  ],
});
