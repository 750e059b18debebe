import { Button, Field, Select } from "@fluentui/react-components";
import {
  ArrowLeftRegular,
  ArrowRightRegular,
  DocumentArrowRightRegular,
  LocationRegular,
} from "@fluentui/react-icons";
import type { FieldData, PlanData, RowData, SectionData } from "../../../domain/plan-data";
import type { Location } from "../../../domain/snapshot";
import { isEmptyValue, sectionStatus, type PaneFinding } from "../../../app/plan-session";
import { FieldControl, type FieldMessage } from "../FieldControl/FieldControl";
import { RowCards } from "../RowCards/RowCards";
import { StatusBadge } from "../StatusBadge/StatusBadge";
import { useSectionFormStyles } from "./SectionForm.styles";
import { sectionTitle } from "./section-title";

export type SectionFormProps = {
  readonly plan: PlanData;
  readonly section: SectionData;
  readonly position: number;
  readonly findings: readonly PaneFinding[];
  readonly guidance: (field: string) => string | undefined;
  readonly names: readonly string[];
  readonly busy: boolean;
  readonly changed: boolean;
  /** Show findings about empty required fields (after a write was tried). */
  readonly showMissing: boolean;
  readonly onChange: (section: SectionData) => void;
  readonly onBlur: () => void;
  readonly onJump: (position: number) => void;
  readonly onWrite: () => void;
  readonly onGoTo: (location: Location, label: string) => void;
};

export { sectionTitle };

function messagesFor(
  findings: readonly PaneFinding[],
  field: FieldData | undefined,
  row: number | undefined,
  showMissing: boolean,
): FieldMessage[] {
  if (!field) return [];
  // A required field still empty is not an error to shout about until the person tries to write.
  if (!showMissing && isEmptyValue(field.value)) return [];
  return findings
    .filter(
      (f) => f.field === field.id && (row === undefined ? f.row === undefined : f.row === row),
    )
    .map((f) => ({ severity: f.severity, message: f.message }));
}

/** One section of a plan: its fields, its repeating rows, and the write button. */
export function SectionForm(props: SectionFormProps) {
  const {
    plan,
    section,
    position,
    findings,
    guidance,
    names,
    busy,
    changed,
    showMissing,
    onChange,
    onBlur,
    onJump,
    onWrite,
    onGoTo,
  } = props;
  const styles = useSectionFormStyles();
  const count = plan.sections.length;
  const goTo = (field: FieldData, label: string) =>
    field.location ? (
      <Button
        className={styles.goTo}
        appearance="transparent"
        size="small"
        icon={<LocationRegular />}
        aria-label={`Go to ${label} in the document`}
        onClick={() => field.location && onGoTo(field.location, label)}
      >
        Go to
      </Button>
    ) : null;
  const setField = (id: string, value: FieldData["value"]) =>
    onChange({
      ...section,
      fields: section.fields.map((f) => (f.id === id ? { ...f, value } : f)),
    });
  const setRows = (rows: RowData[]) => onChange({ ...section, rows });

  return (
    <section className={styles.root} aria-labelledby="section-title">
      <div className={styles.nav}>
        <Button
          icon={<ArrowLeftRegular />}
          disabled={position === 0}
          onClick={() => onJump(position - 1)}
          aria-label="Previous section"
        />
        <Field className={styles.jump} label="Section">
          <Select
            className={styles.select}
            value={String(position)}
            onChange={(_, d) => onJump(Number(d.value))}
          >
            {plan.sections.map((s, i) => (
              <option key={`${s.id}-${s.block ?? 0}`} value={String(i)}>
                {i + 1}. {sectionTitle(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          icon={<ArrowRightRegular />}
          iconPosition="after"
          disabled={position >= count - 1}
          onClick={() => onJump(position + 1)}
          aria-label="Next section"
        />
      </div>
      <div className={styles.heading}>
        <h2 id="section-title" className={styles.title}>
          {sectionTitle(section)}
        </h2>
        <StatusBadge status={sectionStatus(section, findings)} />
      </div>
      <div className={styles.fields}>
        {section.fields.map((field) => (
          <div key={field.id} data-field={field.id}>
            <FieldControl
              field={field}
              guidance={guidance(field.id)}
              names={names}
              messages={messagesFor(findings, field, undefined, showMissing)}
              onChange={(v) => setField(field.id, v)}
              onBlur={onBlur}
            />
            {goTo(field, field.label)}
          </div>
        ))}
        {section.rows ? (
          <RowCards
            rows={section.rows}
            noun="Row"
            limits={section.rowLimits}
            guidance={guidance}
            names={names}
            messages={(field, row) =>
              messagesFor(
                findings,
                section.rows?.find((r) => r.index === row)?.cells.find((c) => c.id === field),
                row,
                showMissing,
              )
            }
            onChange={setRows}
            onBlur={onBlur}
            renderGoTo={goTo}
          />
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentArrowRightRegular />}
          disabled={busy}
          onClick={onWrite}
        >
          {busy ? "Writing…" : "Write to document"}
        </Button>
        {changed ? <span>Not yet written</span> : null}
      </div>
    </section>
  );
}
