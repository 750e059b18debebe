import { Badge } from "@fluentui/react-components";
import type { SectionStatus } from "../../../app/plan-session";

const text: Record<SectionStatus, string> = {
  complete: "Complete",
  incomplete: "Incomplete",
  "has-errors": "Has errors",
};

const color = { complete: "success", incomplete: "informative", "has-errors": "danger" } as const;

/** A section's status as a badge with words (never colour alone). */
export function StatusBadge({ status }: { status: SectionStatus }) {
  return (
    <Badge appearance="tint" color={color[status]} shape="rounded">
      {text[status]}
    </Badge>
  );
}
