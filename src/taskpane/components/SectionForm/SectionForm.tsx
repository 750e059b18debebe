import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowLeftRegular,
  ArrowRightRegular,
  DocumentArrowRightRegular,
  LocationRegular,
} from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { FieldData, PlanData, RowData, SectionData } from "../../../domain/plan-data";
import type { Location } from "../../../domain/snapshot";
import {
  fieldKey,
  isEmptyValue,
  sectionStatus,
  type PaneFinding,
  type Rubric,
} from "../../../app/plan-session";
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
  /** The practices the document lists beside a rating criterion. */
  readonly rubric?: (field: FieldData) => Rubric | undefined;
  /** The template's guidance for the whole section. */
  readonly sectionGuidance?: string | undefined;
  /** For a section of a repeating block: adds another block ("challenge", "strategy"). */
  readonly addBlock?: { readonly noun: string; readonly run: () => void };
  /** Changes each time a write finished or was cancelled: focus goes back to Write. */
  readonly writeDone?: number;
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
  /**
   * Entries bound for cells too narrow to read them (`key` as `fieldKey` gives it), each shown
   * under its field, and what is said about them above Write.
   */
  readonly narrow?: {
    readonly entries: readonly { readonly key: string; readonly message: string }[];
    readonly notice?: { readonly title: string; readonly text?: string } | undefined;
  };
};

export { sectionTitle };

function messagesFor(
  findings: readonly PaneFinding[],
  field: FieldData | undefined,
  row: number | undefined,
  showMissing: boolean,
  narrow: SectionFormProps["narrow"],
): FieldMessage[] {
  if (!field) return [];
  const key = fieldKey(field.id, row);
  const tooNarrow: FieldMessage[] = (narrow?.entries ?? [])
    .filter((e) => e.key === key)
    .map((e) => ({ severity: "warning", message: e.message }));
  // A required field still empty is not an error to shout about until the person tries to write.
  if (!showMissing && isEmptyValue(field.value)) return tooNarrow;
  return [
    ...findings
      .filter(
        (f) => f.field === field.id && (row === undefined ? f.row === undefined : f.row === row),
      )
      .map((f) => ({ severity: f.severity, message: f.message })),
    ...tooNarrow,
  ];
}

/** What each rating means, as the template's guidance defines it ("Exemplar (all key elements ...)"). */
export function ratingMeanings(
  guidance: string | undefined,
  options: readonly string[],
): { option: string; meaning: string }[] {
  if (!guidance) return [];
  return options.flatMap((option) => {
    const at = guidance.indexOf(`${option} (`);
    if (at < 0) return [];
    const start = at + option.length + 2;
    let depth = 1;
    let end = start;
    for (; end < guidance.length && depth > 0; end++) {
      if (guidance[end] === "(") depth++;
      if (guidance[end] === ")") depth--;
    }
    return [{ option, meaning: guidance.slice(start, end - 1).trim() }];
  });
}

/**
 * The guidance each field shows: none where it only repeats the label, and a sub-heading shared
 * by consecutive fields ("7.1 Program Components") is shown once above them instead.
 */
export function guidanceLayout(
  fields: readonly FieldData[],
  guidance: (field: string) => string | undefined,
): { heading?: string; guidance?: string }[] {
  const squash = (t: string) => t.replace(/\s+/g, " ").trim().toLowerCase();
  const raw = fields.map((f) => guidance(f.id));
  return fields.map((f, i) => {
    const g = raw[i];
    if (!g || squash(g) === squash(f.label)) return {};
    const shared = raw[i - 1] === g || raw[i + 1] === g;
    if (!shared) return { guidance: g };
    return raw[i - 1] === g ? {} : { heading: g };
  });
}

/** One section of a plan: its fields, its repeating rows, and the write button. */
export function SectionForm(props: SectionFormProps) {
  const {
    plan,
    section,
    position,
    findings,
    guidance,
    rubric,
    sectionGuidance,
    addBlock,
    writeDone,
    names,
    busy,
    changed,
    showMissing,
    onChange,
    onBlur,
    onJump,
    onWrite,
    onGoTo,
    narrow,
  } = props;
  const styles = useSectionFormStyles();
  const count = plan.sections.length;
  const fieldsRef = useRef<HTMLDivElement>(null);
  const writeRef = useRef<HTMLButtonElement>(null);
  const sectionId = `${section.id}#${section.block ?? 0}`;
  // A section that opens puts focus on its first field.
  useEffect(() => {
    fieldsRef.current
      ?.querySelector<HTMLElement>("input:not([disabled]), textarea:not([disabled])")
      ?.focus();
  }, [sectionId]);
  // After a write (or its dialog closed), focus goes back to Write.
  const firstWriteDone = useRef(writeDone);
  useEffect(() => {
    if (writeDone !== firstWriteDone.current) writeRef.current?.focus();
  }, [writeDone]);
  const layout = guidanceLayout(section.fields, guidance);
  const rating = section.fields.find((f) => f.type === "single-choice" && rubric?.(f));
  const meanings = rating ? ratingMeanings(sectionGuidance, rating.options ?? []) : [];
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
      {meanings.length ? (
        <details className={styles.guidance} open>
          <summary className={styles.summary}>What the ratings mean</summary>
          <dl className={styles.meanings}>
            {meanings.map((m) => (
              <div key={m.option}>
                <dt className={styles.term}>{m.option}</dt>
                <dd className={styles.meaning}>{m.meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : sectionGuidance ? (
        <details className={styles.guidance}>
          <summary className={styles.summary}>About this section</summary>
          <q className={styles.quote}>{sectionGuidance}</q>
        </details>
      ) : null}
      <div className={styles.fields} ref={fieldsRef}>
        {section.fields.map((field, i) => {
          const practices = rubric?.(field);
          const at = layout[i] ?? {};
          return (
            <div key={field.id} data-field={field.id}>
              {at.heading ? <h3 className={styles.subheading}>{at.heading}</h3> : null}
              <FieldControl
                field={field}
                guidance={at.guidance}
                names={names}
                messages={messagesFor(findings, field, undefined, showMissing, narrow)}
                onChange={(v) => setField(field.id, v)}
                onBlur={onBlur}
              />
              {practices ? (
                <details className={styles.guidance}>
                  <summary className={styles.summary}>
                    Practices to consider for {field.label.split(" ")[0]}
                  </summary>
                  {practices.intro ? <p className={styles.intro}>{practices.intro}</p> : null}
                  <ul className={styles.practices}>
                    {practices.practices.map((p, k) => (
                      <li key={k}>{p}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {goTo(field, field.label)}
            </div>
          );
        })}
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
                narrow,
              )
            }
            onChange={setRows}
            onBlur={onBlur}
            renderGoTo={goTo}
          />
        ) : null}
      </div>
      {/* The notice about Write rides in the sticky bar with it: a bar stuck to the bottom would
          otherwise cover the notice just above it (at 320 px) until the page is scrolled. */}
      <div className={styles.actions}>
        {narrow?.notice ? (
          <MessageBar intent="warning" layout="multiline" data-testid="narrow-cells">
            <MessageBarBody>
              <MessageBarTitle>{narrow.notice.title}</MessageBarTitle>
              {narrow.notice.text}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.buttons}>
          <Button
            ref={writeRef}
            appearance="primary"
            icon={<DocumentArrowRightRegular />}
            disabled={busy}
            onClick={onWrite}
          >
            {busy ? "Writing…" : "Write to document"}
          </Button>
          {changed ? <span className={styles.unwritten}>Not yet written</span> : null}
          {addBlock ? (
            <Button icon={<AddRegular />} disabled={busy} onClick={addBlock.run}>
              Add {addBlock.noun}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
