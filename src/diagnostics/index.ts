/**
 * The diagnostics page (not linked from the pane; the README says how to open it): runs the
 * probes in the open Word and offers the answers as a capture file to save and send back.
 */
import { CAPTURE_FORMAT, type CaptureAnswers, type WordCapture } from "./capture";
import { NotScratch, runProbes, type ProbeHost } from "./probes";

type OfficeLike = {
  onReady(): Promise<unknown>;
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    diagnostics?: { platform?: string; version?: string };
  };
};

const $ = (id: string) => document.getElementById(id);

function say(text: string): void {
  const status = $("status");
  if (status) status.textContent = text;
}

/** The WordApi sets this Word has (1.1 up to the newest the page knows). */
function wordSets(isSetSupported: (n: string, v: string) => boolean): string[] {
  const out: string[] = [];
  for (let minor = 1; minor <= 9; minor++) {
    try {
      if (isSetSupported("WordApi", `1.${minor}`)) out.push(`WordApi 1.${minor}`);
    } catch {
      // An Office.js that cannot say: the set is taken as missing.
    }
  }
  return out;
}

function show(capture: WordCapture): void {
  const json = JSON.stringify(capture, null, 2);
  const area = $("json") as HTMLTextAreaElement | null;
  if (area) area.value = json;
  const save = $("save") as HTMLAnchorElement | null;
  if (save) save.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const result = $("result");
  if (result) result.hidden = false;
}

function start(): void {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  const word = (globalThis as unknown as { Word?: { run: ProbeHost["run"] } }).Word;
  if (!office) {
    say(
      "Word is not here. Open this page from Word (see the README: Checking PlanAssist against your Word).",
    );
    return;
  }
  void office.onReady().then(() => {
    const requirements = office.context?.requirements;
    if (!word || !requirements) {
      say("This page runs inside Word only: open it as a Word add-in (see the README).");
      return;
    }
    const isSetSupported = (n: string, v: string) => requirements.isSetSupported(n, v);
    const host: ProbeHost = { run: (batch) => word.run(batch), isSetSupported };
    const button = $("run") as HTMLButtonElement | null;
    if (!button) return;
    button.disabled = false;
    say("Ready. Open a new blank document, then run the checks.");
    button.addEventListener("click", () => {
      button.disabled = true;
      void runProbes(host, (name) => say(`Checking: ${name}…`))
        .then((values) => {
          const answers = Object.fromEntries(
            Object.entries(values).map(([k, value]) => [k, { value, basis: "measured" }]),
          ) as unknown as CaptureAnswers;
          const info = office.context?.diagnostics;
          show({
            format: CAPTURE_FORMAT,
            version: 1,
            word: {
              ...(info?.platform ? { platform: String(info.platform) } : {}),
              ...(info?.version ? { version: String(info.version) } : {}),
              sets: wordSets(isSetSupported),
            },
            answers,
          });
          say("Done. The document is empty again.");
        })
        .catch((e: unknown) => {
          const code = (e as { code?: unknown })?.code;
          say(
            e instanceof NotScratch
              ? e.message
              : `Word stopped the checks (${typeof code === "string" ? code : "unknown error"}). Close the document without saving, open a new blank one and run them again.`,
          );
        })
        .finally(() => {
          button.disabled = false;
        });
    });
  });
}

start();
