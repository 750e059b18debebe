/**
 * Task pane entry point: waits for Office, reads the open document through the Office.js adapter,
 * and renders the pane in the theme that matches Office.
 */
import { createRoot } from "react-dom/client";
import { OfficeDocument } from "../adapters/office/office-document.adapter";
import { officeWordHost } from "../adapters/office/word-host";
import { PlanSession } from "../app/plan-session";
import { ok } from "../domain/result";
import { PaneRoot } from "./components/PaneRoot/PaneRoot";
import type { WordPaneHost } from "../adapters/office/office-revert";
import { noWriter, portDeps, type HostWriter } from "./port-deps";
import { currentThemeName } from "./theme";
import type { WordInsertHost } from "../adapters/office/office-insert";

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
    const port = new OfficeDocument(officeWordHost());
    // The reader, checks and templates load beside the first paint, not before it.
    const services = import("./domain-services").then((m) => m.domainServices());
    const word = (globalThis as { Word?: { run: typeof Word.run } }).Word;
    const requirements = (
      globalThis as {
        Office?: {
          context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } };
        };
      }
    ).Office?.context?.requirements;
    const writeHost: WordPaneHost | undefined =
      word && requirements
        ? {
            // Word's own request context meets the writer's and revert's slices (type-checked).
            run: (batch) => word.run((context: Word.RequestContext) => batch(context)),
            isSetSupported: (n, v) => requirements.isSetSupported(n, v),
          }
        : undefined;
    // Writing loads with the planner when first used.
    const writer: HostWriter = writeHost
      ? {
          ...noWriter,
          fill: async (r) => (await import("./word-writer")).wordWriter(port, writeHost).fill(r),
          revert: async (options) =>
            (await import("./word-writer")).wordWriter(port, writeHost).revert(options),
          lastFill: async () => {
            const w = (await import("./word-writer")).wordWriter(port, writeHost);
            return w.lastFill ? w.lastFill() : ok(undefined);
          },
          // The real Word API also satisfies the slice the insert needs.
          insertTemplate: async (template) =>
            (await import("./word-insert")).insertTemplateFile(
              writeHost as unknown as WordInsertHost,
              template,
            ),
        }
      : noWriter;
    const session = new PlanSession(portDeps(port, writer, services));
    const theme = currentThemeName(office?.context?.officeTheme?.bodyBackgroundColor);
    createRoot(container).render(
      <PaneRoot session={session} theme={theme} capabilities={() => port.capabilities()} />,
    );
  };
  if (office) void office.onReady().then(render);
  else render();
}

start();
