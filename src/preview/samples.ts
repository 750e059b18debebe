/**
 * The sample plans the preview offers: blank copies of the five templates, served as files next to
 * the page (never inlined in the JavaScript).
 */
import cde from "../../assets/samples/cde-plan-for-improvement.docx";
import clna from "../../assets/samples/clna-self-assessment.docx";
import ddtt from "../../assets/samples/ddtt-action-plan-5.3.1T.docx";
import perkins from "../../assets/samples/perkins-action-plans.docx";
import sfss from "../../assets/samples/sfss-action-planning.docx";

export type Sample = {
  readonly template: string;
  readonly label: string;
  readonly url: string;
  readonly fileName: string;
};

export const samples: readonly Sample[] = [
  {
    template: "ddtt-action-plan",
    label: "DDTT Action Plan",
    url: ddtt,
    fileName: "ddtt-action-plan-5.3.1T.docx",
  },
  {
    template: "perkins-action-plan",
    label: "Perkins action plans",
    url: perkins,
    fileName: "perkins-action-plans.docx",
  },
  {
    template: "clna",
    label: "CLNA self-assessment",
    url: clna,
    fileName: "clna-self-assessment.docx",
  },
  {
    template: "sfss-action-plan",
    label: "SFSS action planning",
    url: sfss,
    fileName: "sfss-action-planning.docx",
  },
  {
    template: "cde-plan-for-improvement",
    label: "CDE Plan for Improvement",
    url: cde,
    fileName: "cde-plan-for-improvement.docx",
  },
];

/** Fetches a sample from the page's own server. */
export async function loadSample(sample: Sample): Promise<Uint8Array> {
  const response = await fetch(sample.url);
  if (!response.ok)
    throw new Error(`The sample ${sample.fileName} could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
