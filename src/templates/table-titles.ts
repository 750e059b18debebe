/**
 * The title of every table of PlanAssist's templates, where the reader cuts apart a table Word
 * joined (see table-starts.ts). Kept as plain data so that reading a document does not load the
 * template definitions; tests/templates/joined-tables.test.ts checks it is exactly what the
 * definitions give (`tableTitles(templates)`), so a change to a template shows here.
 */
import type { TableTitle } from "./table-starts";

export const templateTableTitles: readonly TableTitle[] = [
  {
    texts: ["Strategy"],
    runs: false,
  },
  {
    texts: ["Theory of Action (If, Then, And Statement)", "Theory of Action"],
    runs: false,
  },
  {
    texts: [
      "What are 2-3 key highlights or insights you have into strengths and challenges of program needs for offering high quality learning experiences to every student?",
      "What are 2-3 key highlights",
    ],
    runs: false,
  },
  {
    texts: ["Metric"],
    runs: false,
  },
  {
    texts: [
      "1.1 The school/ program uses high quality curricular and instructional materials.",
      "1.1",
    ],
    runs: false,
  },
  {
    texts: [
      "1.2 School/ Program instruction is assessed and adjusted based on the analysis of student level data.",
      "1.2",
    ],
    runs: false,
  },
  {
    texts: [
      "1.3 Students are engaged in rigorous, advanced coursework, aligned to their program and interests.",
      "1.3",
    ],
    runs: false,
  },
  {
    texts: ["Exemplar", "Established", "Developing", "Challenge"],
    runs: true,
  },
  {
    texts: ["Short Term Projections"],
    runs: false,
  },
  {
    texts: [
      "2.1 Students are prepared for entry level employment in the program field upon graduation.",
      "2.1",
    ],
    runs: false,
  },
  {
    texts: ["2.2 Students are prepared to pursue post-secondary education upon graduation.", "2.2"],
    runs: false,
  },
  {
    texts: ["3.1 Systems and structures exist to ensure equitable access to the school.", "3.1"],
    runs: false,
  },
  {
    texts: ["3.2 Systems and structures exist to ensure equitable access to programs.", "3.2"],
    runs: false,
  },
  {
    texts: [
      "4.1 School’s climate and culture provides students with safe, secure learning environment.",
      "4.1",
    ],
    runs: false,
  },
  {
    texts: [
      "4.2 School has processes and procedures in place to ensure student physical well-being.",
      "4.2",
    ],
    runs: false,
  },
  {
    texts: [
      "5.1 Systems and structures exist to support integrated, responsive college and career counseling services.",
      "5.1",
    ],
    runs: false,
  },
  {
    texts: [
      "5.2 Students connect learning experiences to long-term, individualized academic and career goals.",
      "5.2",
    ],
    runs: false,
  },
  {
    texts: [
      "6.1 The school has systems and structures to ensure regular, authentic feedback from various stakeholder groups.",
      "6.1",
    ],
    runs: false,
  },
  {
    texts: [
      "6.2 The school strategically collects and analyzes data to inform teaching and learning practices.",
      "6.2",
    ],
    runs: false,
  },
  {
    texts: [
      "6.3 The school’s hiring, employment practices, and professional development opportunities lead to improved learning experiences.",
      "6.3",
    ],
    runs: false,
  },
  {
    texts: [
      "6.4 The school deploys fiscal resources strategically to improve or expand programming.",
      "6.4",
    ],
    runs: false,
  },
  {
    texts: ["Criteria"],
    runs: false,
  },
  {
    texts: ["Plan Start Date"],
    runs: false,
  },
  {
    texts: ["What"],
    runs: false,
  },
  {
    texts: ["Challenge/Problem #{n}", "Challenge #{n}"],
    runs: false,
  },
  {
    texts: ["Root Causes Contributing to Challenge #{n}"],
    runs: false,
  },
  {
    texts: [
      "Systems and Strategies to Address Root Causes of Challenge #{n} and Implementation Steps",
      "Systems and Strategies to Address Root Causes of Challenge #{n}",
    ],
    runs: false,
  },
  {
    texts: ["Policy, Protocol, Code, or Guideline that Needs to be Adjusted"],
    runs: false,
  },
  {
    texts: ["Shifting (or New) Role"],
    runs: false,
  },
  {
    texts: ["Teaming/Collaboration Structure Needing to be Created or Adjusted"],
    runs: false,
  },
  {
    texts: ["Expenditure/Budget Implication"],
    runs: false,
  },
  {
    texts: ["Partner Role"],
    runs: false,
  },
  {
    texts: ["Local Educational Agency (LEA)", "LEA", "Local Educational Agency"],
    runs: false,
  },
  {
    texts: ["Problem of Practice", "Problem(s) of Practice"],
    runs: false,
  },
  {
    texts: ["High-Leverage Strategy #{n}", "High Leverage Strategy #{n}"],
    runs: false,
  },
  {
    texts: ["Review Date"],
    runs: false,
  },
];
