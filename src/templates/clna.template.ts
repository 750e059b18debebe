/**
 * Massachusetts CTE Comprehensive Local Needs Assessment (CLNA) self-assessment.
 *
 * Six components, each with Identify questions (a label row, then a value row), a Review table of
 * metrics (rows labelled by metric; All Students and Student Groups columns) and a Reflect rubric:
 * one small table per criterion whose last four cells are the rating circles Exemplar,
 * Established, Developing, Challenge (a filled circle or a typed mark is the rating). Component 2
 * adds workforce data. Compliance is a matrix of items (rows) and No / A plan is in place to
 * address / Yes (columns); bold rows 7.1-7.4 are group headings, not items. Last comes the DESE
 * action plan: dates, quality component, metric and target, and three-month next steps for the
 * School, District, DESE and Partners.
 */
import { defineTemplate, type SectionDefinitionInput } from "../domain/template-definition";

const clnaRatings: readonly string[] = ["Exemplar", "Established", "Developing", "Challenge"];

export const clnaComponents: readonly string[] = [
  "Teaching & Learning",
  "Post-Graduation Readiness",
  "Equitable Access",
  "Learning Environment",
  "Post-Graduation Planning",
  "Continuous Improvement",
  "Compliance/Regulatory Requirements",
];

type MetricRow = { id: string; label: string; type: "number" | "percent" | "ratio" | "text" };

type Component = {
  n: number;
  heading: string[];
  label: string;
  metricColumns: "students" | "school-program";
  metrics: MetricRow[];
  criteria: { number: string; text: string }[];
};

const components: readonly Component[] = [
  {
    n: 1,
    heading: ["1: TEACHING AND LEARNING", "TEACHING AND LEARNING"],
    label: "Teaching & Learning",
    metricColumns: "students",
    metrics: [
      { id: "enrollment", label: "Enrollment", type: "number" },
      { id: "ela-mcas", label: "School/ Program ELA MCAS", type: "percent" },
      { id: "math-mcas", label: "School/ Program Math MCAS", type: "percent" },
      { id: "science-mcas", label: "School / Program Science MCAS", type: "percent" },
      { id: "time-on-learning-ccte", label: "Time on Learning - CCTE", type: "number" },
      {
        id: "academic-time-on-learning",
        label: "Academic Time on Learning – Math/Eng/Sci",
        type: "number",
      },
      { id: "staff-ratio", label: "Student to C74 licensed staff ratio", type: "ratio" },
    ],
    criteria: [
      {
        number: "1.1",
        text: "The school/ program uses high quality curricular and instructional materials.",
      },
      {
        number: "1.2",
        text: "School/ Program instruction is assessed and adjusted based on the analysis of student level data.",
      },
      {
        number: "1.3",
        text: "Students are engaged in rigorous, advanced coursework, aligned to their program and interests.",
      },
    ],
  },
  {
    n: 2,
    heading: ["2: POST GRADUATION READINESS", "POST GRADUATION READINESS"],
    label: "Post-Graduation Readiness",
    metricColumns: "students",
    metrics: [
      { id: "enrollment", label: "Enrollment", type: "number" },
      { id: "irc-earning-rate", label: "IRC Earning Rate", type: "percent" },
      { id: "co-op-participation-rate", label: "Co-Op Participation Rate", type: "percent" },
      { id: "masscore-completion", label: "MassCore Completion", type: "percent" },
      {
        id: "advanced-coursework-completion",
        label: "Advanced Coursework Completion",
        type: "percent",
      },
      {
        id: "postsecondary-placement-rate",
        label: "Ch74 Postsecondary Placement Rate and Response Rate",
        type: "percent",
      },
      { id: "program-graduation-rate", label: "Program Graduation Rate", type: "percent" },
    ],
    criteria: [
      {
        number: "2.1",
        text: "Students are prepared for entry level employment in the program field upon graduation.",
      },
      {
        number: "2.2",
        text: "Students are prepared to pursue post-secondary education upon graduation.",
      },
    ],
  },
  {
    n: 3,
    heading: ["3: Equitable Access", "Equitable Access"],
    label: "Equitable Access",
    metricColumns: "students",
    metrics: [
      { id: "eligible", label: "School/CTE - Eligible", type: "number" },
      { id: "applicants", label: "School/CTE - Applicants", type: "number" },
      { id: "accepted", label: "School/CTE - Accepted", type: "number" },
      { id: "enrolled", label: "School/CTE - Enrolled", type: "number" },
      {
        id: "disaggregate-program-enrollment",
        label: "Disaggregate Program Enrollment",
        type: "text",
      },
      { id: "first-or-second-choice", label: "% getting first or second choice", type: "percent" },
    ],
    criteria: [
      {
        number: "3.1",
        text: "Systems and structures exist to ensure equitable access to the school.",
      },
      {
        number: "3.2",
        text: "Systems and structures exist to ensure equitable access to programs.",
      },
    ],
  },
  {
    n: 4,
    heading: ["4: LEARNING ENVIRONMENT", "LEARNING ENVIRONMENT"],
    label: "Learning Environment",
    metricColumns: "students",
    metrics: [
      { id: "vocal-q1", label: "Select VOCAL Q1", type: "percent" },
      { id: "vocal-q2", label: "Select VOCAL Q2", type: "percent" },
      { id: "vocal-q3", label: "Select VOCAL Q3", type: "percent" },
      { id: "local-climate-data", label: "Local Climate and Culture Data", type: "text" },
    ],
    criteria: [
      {
        number: "4.1",
        text: "School’s climate and culture provides students with safe, secure learning environment.",
      },
      {
        number: "4.2",
        text: "School has processes and procedures in place to ensure student physical well-being.",
      },
    ],
  },
  {
    n: 5,
    heading: ["5: POST GRADUATION PLANNING", "POST GRADUATION PLANNING"],
    label: "Post-Graduation Planning",
    metricColumns: "students",
    metrics: [
      { id: "students-with-mycap", label: "Students with MyCAP", type: "number" },
      { id: "school-retention", label: "School Retention", type: "percent" },
      { id: "program-retention", label: "Program Retention/Changes", type: "percent" },
      { id: "dropout-rate", label: "School Dropout Rate", type: "percent" },
    ],
    criteria: [
      {
        number: "5.1",
        text: "Systems and structures exist to support integrated, responsive college and career counseling services.",
      },
      {
        number: "5.2",
        text: "Students connect learning experiences to long-term, individualized academic and career goals.",
      },
    ],
  },
  {
    n: 6,
    heading: ["6: CONTINUOUS IMPROVEMENT", "CONTINUOUS IMPROVEMENT"],
    label: "Continuous Improvement",
    metricColumns: "school-program",
    metrics: [
      {
        id: "staff-recruitment",
        label: "Staff Recruitment, Retention, Professional Development",
        type: "text",
      },
      { id: "gac-pac-membership", label: "GAC and PAC membership", type: "text" },
      {
        id: "financial-resources",
        label: "Financial resources from Chapter 74 and Perkins aligned to programming",
        type: "text",
      },
      {
        id: "number-of-programs",
        label: "Number of programs (appropriate staff/exploratory)",
        type: "text",
      },
    ],
    criteria: [
      {
        number: "6.1",
        text: "The school has systems and structures to ensure regular, authentic feedback from various stakeholder groups.",
      },
      {
        number: "6.2",
        text: "The school strategically collects and analyzes data to inform teaching and learning practices.",
      },
      {
        number: "6.3",
        text: "The school’s hiring, employment practices, and professional development opportunities lead to improved learning experiences.",
      },
      {
        number: "6.4",
        text: "The school deploys fiscal resources strategically to improve or expand programming.",
      },
    ],
  },
];

const identifyQuestions: readonly { id: string; label: string }[] = [
  {
    id: "highlights",
    label:
      "What are 2-3 key highlights or insights you have into strengths and challenges of program needs for offering high quality learning experiences to every student?",
  },
  {
    id: "opportunities",
    label:
      "What opportunities to you see to address challenges your CTE programming faces? What would be the most impactful changes that could occur quickly? What may take time?",
  },
  {
    id: "importance",
    label:
      "In the overall scheme of your CTE programming and other program reviews you have undertaken, how important is it to address the challenges you outline here?",
  },
];

const reviewGuidance =
  "As you review the metrics, ask: What surprises you? What questions does this raise for you? What additional information might help you understand or dig deeper? What should you look further into?";

function componentSections(c: Component): SectionDefinitionInput[] {
  const sections: SectionDefinitionInput[] = [
    {
      id: `component-${c.n}-identify`,
      label: `${c.n}: ${c.label}: Identify`,
      layout: "form",
      guidance:
        "Considering current strategic plans and goals, REVIEW the metrics and REFLECT on practices included in the rubrics below to answer these questions.",
      table: {
        after: c.heading,
        anchors: [[identifyQuestions[0]!.label, "What are 2-3 key highlights"]],
        optionalAnchors: [[identifyQuestions[1]!.label], [identifyQuestions[2]!.label]],
      },
      fields: identifyQuestions.map((q) => ({
        id: q.id,
        label: q.label,
        type: "long-text" as const,
        required: true,
        slot: "next-row" as const,
        match: [q.label],
        guidance: q.label,
      })),
    },
    {
      id: `component-${c.n}-review`,
      label: `${c.n}: ${c.label}: Review`,
      layout: "fixed-rows",
      guidance: reviewGuidance,
      table: { after: c.heading, anchors: [["Metric"]] },
      columns:
        c.metricColumns === "students"
          ? [
              { id: "all-students", label: "All Students", match: ["All Students"] },
              {
                id: "student-groups",
                label: "Student Groups",
                match: ["Student Groups"],
                type: "long-text" as const,
              },
            ]
          : [
              { id: "school", label: "School", match: ["School"] },
              { id: "program", label: "Program", match: ["Program"] },
            ],
      rows: c.metrics.map((m) => ({ id: m.id, label: m.label, type: m.type, required: false })),
    },
  ];
  if (c.n === 2) {
    sections.push(
      {
        id: "workforce-region",
        label: "Workforce data: region",
        layout: "paragraph",
        weight: 0.5,
        guidance:
          "Review this Short Term Projections and Long Term Projections information for each program offered by your school.",
        fields: [
          { id: "region", label: "Region", type: "text", required: false, match: ["Region"] },
          {
            id: "occupational-group",
            label: "Related Occupational Group",
            type: "text",
            required: false,
            match: ["Related Occupational Group"],
          },
        ],
      },
      {
        id: "workforce-data",
        label: "Workforce data",
        layout: "fixed-rows",
        weight: 0.5,
        table: { anchors: [["Short Term Projections"], ["Long Term Projections"]] },
        columns: [
          { id: "short-term", label: "Short Term Projections", column: 1 },
          { id: "long-term", label: "Long Term Projections", column: 3 },
        ],
        rows: [
          { id: "mean-wages", label: "(Total) Mean Wages", type: "money" },
          { id: "annual-openings", label: "(Total) Average Annual Openings", type: "number" },
          { id: "attainment-level", label: "(Total) Educational Attainment Level", type: "text" },
          {
            id: "top-titles",
            label: "Top titles with largest average annual openings",
            type: "long-text",
          },
        ],
      },
    );
  }
  sections.push({
    id: `component-${c.n}-ratings`,
    label: `${c.n}: ${c.label}: Reflect`,
    layout: "rating",
    options: [...clnaRatings],
    guidance:
      "Using the rubrics for each component, consider your data insights/observations as you reflect on each criterion. Identify a rating for each criteria: Exemplar (all key elements are in place and program could serve as a model to others), Established (all key elements are in place, and program has met relevant targets), Developing (one or more key elements are in place, but program has minimal strategies in place to address), Challenge (no key elements are in place).",
    fields: c.criteria.map((k) => ({
      id: `criterion-${k.number.replace(".", "-")}`,
      label: `${k.number} ${k.text}`,
      type: "single-choice" as const,
      required: true,
      options: [...clnaRatings],
      match: [`${k.number} ${k.text}`, k.number],
    })),
  });
  return sections;
}

const complianceGroups: readonly { number: string; heading: string; items: string[] }[] = [
  {
    number: "7.1",
    heading: "Program Components",
    items: [
      "Parents/guardians are not required to waive legal rights as a condition of their child’s participation in work-based learning",
      "Students and their parents/guardians are aware of both the knowledge and skills students are expected to acquire in their programs",
      "School provides state-approved vocational technical education exploratory program (if five or more Chapter 74 programs are offered)*",
      "Programs are guided by a Program Advisory Committee (PAC) that provides program-specific advice on curriculum content, equipment, and facilities that meets regulatory guidance.",
    ],
  },
  {
    number: "7.2",
    heading: "Educator Licensure",
    items: [
      "Instructors in programs that require occupational licenses (e.g., electricity, plumbing, cosmetology) possess those licenses",
      "Cooperative education is overseen by appropriately licensed staff*",
      "If there are five or more vocational technical programs, those programs are overseen by a licensed vocational supervisor/director*",
    ],
  },
  {
    number: "7.3",
    heading: "Safety",
    items: [
      "Cooperative education operates in accordance with applicable laws, regulations, and policies*",
      "Unpaid off-campus construction and maintenance projects are appropriately implemented per Massachusetts regulation*",
      "Students are supervised during work-based learning to ensure that the work is safe and provides a meaningful learning experience",
      "Completed the Health & Safety Plan checklist for each program.",
    ],
  },
  {
    number: "7.4",
    heading: "Financial & Data Oversight",
    items: [
      "Plans, forms, and grants are designed, amended, and monitored properly.",
      "A mechanism is in place to ensure funds are used in accordance with federal and/or state rules and regulations.",
      "Administration maintains records required for internal and external audits following record retention rules.",
      "Administration develops and maintains an inventory control system to record and monitor purchases involving federal and state funds in accordance with law and regulation",
      "Administration maintains and submits accurate data and information for all required data collections.",
    ],
  },
];

const clnaComplianceOptions: readonly string[] = ["No", "A plan is in place to address", "Yes"];

function nextSteps(id: string, who: string, heading: string[]): SectionDefinitionInput {
  return {
    id,
    label: `Three Month Next Steps: ${who} will`,
    layout: "rows",
    weight: 0.5,
    guidance: "Action plan items below should not extend beyond three months.",
    table: { precededBy: heading, anchors: [["What"], ["Who"], ["By When"]] },
    rows: { min: id === "school-next-steps" ? 1 : 0, max: 20 },
    columns: [
      { id: "what", label: "What", type: "long-text", required: true, match: ["What"] },
      { id: "who", label: "Who", type: "person", required: true, match: ["Who"] },
      {
        id: "by-when",
        label: "By When",
        type: "date",
        required: true,
        match: ["By When", "Deadline", "Due Date"],
        guidance: "Within three months of the plan start date.",
      },
    ],
  };
}

export const clna = defineTemplate({
  id: "clna",
  name: "Comprehensive Local Needs Assessment (CLNA) Self-Assessment",
  shortName: "CLNA Self-Assessment",
  description:
    "Massachusetts CTE CLNA: per component the Identify answers, Review metrics and rubric ratings; workforce data; compliance; and the DESE action plan with three-month next steps.",
  source: "Massachusetts DESE, Career & Technical Education, Comprehensive Local Needs Assessment",
  threshold: 0.4,
  sections: [
    ...components.flatMap(componentSections),
    {
      id: "compliance",
      label: "Compliance",
      layout: "choice-matrix",
      guidance:
        "For each compliance criterion, review and access your school’s and programs’ adherence to requirements: No, A plan is in place to address, or Yes.",
      table: { anchors: [["Criteria"], ["A plan is in place to address"]] },
      options: [
        { label: "No", match: ["No"] },
        {
          label: "A plan is in place to address",
          match: ["A plan is in place to address", "Plan in place"],
        },
        { label: "Yes", match: ["Yes"] },
      ],
      fields: complianceGroups.flatMap((g) =>
        g.items.map((text, i) => ({
          id: `item-${g.number.replace(".", "-")}-${i + 1}`,
          label: text,
          type: "single-choice" as const,
          required: true,
          options: [...clnaComplianceOptions],
          match: [text],
          guidance: `${g.number} ${g.heading}`,
        })),
      ),
    },
    {
      id: "action-plan-goals",
      label: "Action plan: Goals & Targets",
      layout: "form",
      guidance:
        "Use the form below to develop an action plan to address the high priority, high leverage challenge that you have identified. Ultimately, you will be designing one Action Plan, not several.",
      table: {
        anchors: [["Plan Start Date"], ["Quality Component"]],
        optionalAnchors: [["Related Metric"], ["High Leverage Area of Challenge"]],
      },
      fields: [
        {
          id: "plan-start-date",
          label: "Plan Start Date",
          type: "date",
          required: true,
          slot: "right",
        },
        {
          id: "plan-end-date",
          label: "Plan End Date",
          type: "date",
          required: true,
          slot: "right",
        },
        { id: "current-date", label: "Current date", type: "date", required: true, slot: "right" },
        {
          id: "next-revisit-date",
          label: "Next revisit date",
          type: "date",
          required: true,
          slot: "right",
        },
        {
          id: "quality-component",
          label: "Quality Component",
          type: "text",
          required: true,
          slot: "right",
          options: [...clnaComponents],
          guidance: "One of the seven components, ideally one of the weakest rated.",
        },
        {
          id: "high-leverage-area",
          label: "High Leverage Area of Challenge",
          type: "long-text",
          required: true,
          slot: "right",
        },
        {
          id: "brief-description",
          label: "Brief Description",
          type: "long-text",
          required: true,
          slot: "right",
        },
        {
          id: "related-metric",
          label: "Related Metric",
          type: "text",
          required: true,
          slot: "right",
        },
        {
          id: "metric-target",
          label: "Metric Target (by plan end date)",
          type: "text",
          required: true,
          slot: "right",
          match: ["Metric Target (by plan end date)", "Metric Target"],
        },
      ],
    },
    nextSteps("school-next-steps", "School", ["School will"]),
    nextSteps("district-next-steps", "District", ["District will"]),
    nextSteps("dese-next-steps", "DESE", ["DESE will"]),
    nextSteps("partner-next-steps", "Partner(s)", ["Partner(s) will", "Partners will"]),
    {
      id: "current-status",
      label: "Current Status / Notes / Future Considerations",
      layout: "paragraph",
      weight: 0,
      guidance: "Current Status / Notes / Future Considerations",
      fields: [
        {
          id: "current-status-notes",
          label: "Current Status / Notes / Future Considerations",
          type: "long-text",
          required: false,
          slot: "below",
          match: ["Current Status / Notes / Future Considerations", "Current Status / Notes"],
          guidance: "Current Status / Notes / Future Considerations",
        },
      ],
    },
    {
      id: "additional-information",
      label: "Additional Information",
      layout: "paragraph",
      weight: 0,
      guidance:
        "School/district has agreed to address: Item observed on visit that needs addressing but is not related to high leverage area",
      fields: [
        {
          id: "agreed-to-address",
          label: "School/district has agreed to address",
          type: "long-text",
          required: false,
          guidance:
            "Item observed on visit that needs addressing but is not related to high leverage area",
        },
      ],
    },
  ],
});
