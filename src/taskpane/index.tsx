/**
 * Task pane entry point: waits for Office, reads the open document through the Office.js adapter,
 * and renders the pane in the theme that matches Office.
 */
import { createRoot } from "react-dom/client";
import { OfficeDocument } from "../adapters/office/office-document.adapter";
import { officeWordHost } from "../adapters/office/word-host";
import { PlanSession } from "../app/plan-session";
import { PaneRoot } from "./components/PaneRoot/PaneRoot";
import { noWriter, portDeps } from "./port-deps";
import { currentThemeName } from "./theme";

type OfficeLike = {
  onReady(): Promise<unknown>;
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
};

function start(): void {
  document.body.style.margin = "0";
  const container = document.getElementById("root");
  if (!container) return;
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const render = () => {
    const port = new OfficeDocument(officeWordHost());
    const session = new PlanSession(portDeps(port, noWriter));
    const theme = currentThemeName(office?.context?.officeTheme?.bodyBackgroundColor);
    createRoot(container).render(<PaneRoot session={session} theme={theme} />);
  };
  if (office) void office.onReady().then(render);
  else render();
}

start();
