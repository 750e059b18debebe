/**
 * Task pane entry point: waits for Office, reads the open document through the Office.js adapter,
 * and renders the pane in the theme that matches Office.
 */
import { createRoot } from "react-dom/client";
import { OfficeDocument } from "../adapters/office/office-document.adapter";
import type { WordInsertHost } from "../adapters/office/office-insert";
import type { WordPaneHost } from "../adapters/office/office-revert";
import { officeWordHost } from "../adapters/office/word-host";
import { PlanSession } from "../app/plan-session";
import { PaneRoot } from "./components/PaneRoot/PaneRoot";
import { currentThemeName } from "./theme";

type OfficeLike = {
  onReady(): Promise<unknown>;
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
};

function start(): void {
  document.body.style.margin = "0";
  const container = document.getElementById("root");
  // webview-check.js has shown why this webview cannot run the pane: leave its message.
  if (!container || (globalThis as { planAssistOldWebview?: boolean }).planAssistOldWebview) return;
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const render = () => {
    const word = (globalThis as { Word?: { run: typeof Word.run } }).Word;
    const requirements = (
      globalThis as {
        Office?: {
          context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } };
        };
      }
    ).Office?.context?.requirements;
    const editHost: WordPaneHost | undefined =
      word && requirements
        ? {
            // Word's own request context meets the writer's and revert's slices (type-checked).
            run: (batch) => word.run((context: Word.RequestContext) => batch(context)),
            isSetSupported: (n, v) => requirements.isSetSupported(n, v),
          }
        : undefined;
    // The pane's edge: the document is the one open in Word, through the Office.js adapter. The
    // real Word API also satisfies the slice inserting a template needs.
    const port = new OfficeDocument(
      officeWordHost(),
      editHost,
      editHost as unknown as WordInsertHost | undefined,
    );
    // The reader, checks and templates load beside the first paint, not before it.
    const services = import("./domain-services").then((m) => ({
      ...m.domainServices(),
      blankTemplate: async (template: string) =>
        (await import("./word-insert")).blankTemplateFile(template),
    }));
    const session = new PlanSession({ document: port, services });
    const theme = currentThemeName(office?.context?.officeTheme?.bodyBackgroundColor);
    createRoot(container).render(
      <PaneRoot session={session} theme={theme} capabilities={() => port.capabilities()} />,
    );
  };
  if (office) void office.onReady().then(render);
  else render();
}

start();
