import { Badge } from "@fluentui/react-components";
import type { SectionStatus } from "../../../app/plan-session";

const text: Record<SectionStatus, string> = {
  complete: "Complete",
  incomplete: "Incomplete",
  "has-errors": "Has errors",
  "not-started": "Not started",
  optional: "Optional",
};

const color = {
  complete: "success",
  incomplete: "informative",
  "has-errors": "danger",
  "not-started": "subtle",
  optional: "subtle",
} as const;

/** A section's status as a badge with words (never colour alone). */
export function StatusBadge({ status }: { status: SectionStatus }) {
  return (
    <Badge appearance="tint" color={color[status]} shape="rounded">
      {text[status]}
    </Badge>
  );
}

/** Marks a section whose entries were typed in the pane but not yet written to the document. */
export function UnwrittenBadge() {
  return (
    <Badge appearance="outline" color="warning" shape="rounded">
      Not yet written
    </Badge>
  );
}
