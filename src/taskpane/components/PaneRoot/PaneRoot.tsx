import { FluentProvider } from "@fluentui/react-components";
import type { PlanSession } from "../../../app/plan-session";
import { App } from "../../App/App";
import { themes, type ThemeName } from "../../theme";

export type PaneRootProps = { readonly session: PlanSession; readonly theme: ThemeName };

/** The pane inside Fluent's provider, in the theme that matches Office. */
export function PaneRoot({ session, theme }: PaneRootProps) {
  return (
    <FluentProvider theme={themes[theme]} style={{ minHeight: "100%", background: "transparent" }}>
      <App session={session} />
    </FluentProvider>
  );
}
