import { FluentProvider } from "@fluentui/react-components";
import type { PlanSession } from "../../../app/plan-session";
import type { DocumentCapabilities } from "../../../ports/document.port";
import { App } from "../../App/App";
import { themes, type ThemeName } from "../../theme";

type PaneRootProps = {
  readonly session: PlanSession;
  readonly theme: ThemeName;
  /** Told when entries typed but not written appear or go. */
  readonly onUnwrittenChange?: (unwritten: boolean) => void;
  /** What the host can do (the pane shows only what works); absent: everything. */
  readonly capabilities?: () => DocumentCapabilities;
};

/** The pane inside Fluent's provider, in the theme that matches Office. */
export function PaneRoot({ session, theme, onUnwrittenChange, capabilities }: PaneRootProps) {
  return (
    <FluentProvider theme={themes[theme]} style={{ minHeight: "100%", background: "transparent" }}>
      <App
        session={session}
        {...(onUnwrittenChange ? { onUnwrittenChange } : {})}
        {...(capabilities ? { capabilities } : {})}
      />
    </FluentProvider>
  );
}
