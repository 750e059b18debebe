import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { PlanData } from "../../../domain/plan-data";
import {
  findSection,
  findingsFor,
  planCompleteness,
  sectionStatus,
  type PaneFinding,
} from "../../../app/plan-session";
import { sectionTitle } from "../SectionForm/section-title";
import { StatusBadge, UnwrittenBadge } from "../StatusBadge/StatusBadge";
import { useOverviewStyles } from "./Overview.styles";

type OverviewProps = {
  /** The plan with the entries typed in the pane (its sections are listed). */
  readonly plan: PlanData;
  /** The plan as the document holds it: progress and status count what is written. */
  readonly documentPlan?: PlanData | undefined;
  readonly planIndex: number;
  /** Findings on what the document holds. */
  readonly findings: readonly PaneFinding[];
  /** Per section: entries typed in the pane and not yet written. */
  readonly unwritten?: readonly boolean[];
  readonly onOpenSection: (position: number) => void;
};

/** A plan at a glance: overall progress and each section with its status. */
export function Overview({
  plan,
  documentPlan = plan,
  planIndex,
  findings,
  unwritten = [],
  onOpenSection,
}: OverviewProps) {
  const styles = useOverviewStyles();
  const c = planCompleteness(documentPlan, planIndex, findings);
  const ratio = c.required === 0 ? 1 : c.filled / c.required;
  return (
    <section className={styles.root} aria-labelledby="overview-title">
      <h2 id="overview-title" className={styles.title}>
        {plan.label}
      </h2>
      <Field
        label="Progress"
        hint={`${c.filled} of ${c.required} required fields filled and valid${
          unwritten.some(Boolean) ? " in the document; entries not yet written are not counted" : ""
        }`}
        validationState="none"
      >
        <ProgressBar
          value={ratio}
          thickness="large"
          aria-label={`${Math.round(ratio * 100)}% complete`}
        />
      </Field>
      <h3 className={styles.title}>Sections</h3>
      <ol className={styles.list}>
        {plan.sections.map((s, i) => {
          const inDocument = findSection(documentPlan, s);
          const status = inDocument
            ? sectionStatus(inDocument, findingsFor(findings, planIndex, s))
            : "not-started";
          return (
            <li key={`${s.id}-${s.block ?? 0}`}>
              <Button className={styles.item} appearance="subtle" onClick={() => onOpenSection(i)}>
                <span className={styles.label}>
                  {i + 1}. {sectionTitle(s)}
                </span>
                <span className={styles.badges}>
                  {unwritten[i] ? <UnwrittenBadge /> : null}
                  <StatusBadge status={status} />
                </span>
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
