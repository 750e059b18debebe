import {
  Checkbox,
  Combobox,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Textarea,
  mergeClasses,
  useId,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { FieldData, FieldValue } from "../../../domain/plan-data";
import { isoOfTyped, readTyped, usDate } from "../../read-typed-value";
import { useFieldControlStyles } from "./FieldControl.styles";

export type FieldMessage = {
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
};

export type FieldControlProps = {
  readonly field: FieldData;
  /** Guidance quoted from the template. */
  readonly guidance?: string | undefined;
  /** Names already used in the plan, suggested in person fields. */
  readonly names?: readonly string[];
  /** Findings about this field, shown next to it. */
  readonly messages?: readonly FieldMessage[];
  /** A label to show instead of the field's own. */
  readonly label?: string;
  readonly onChange: (value: FieldValue) => void;
  /** Called when focus leaves the field: the time to run checks. */
  readonly onBlur?: () => void;
};

/** The control that fits a field's type, with its guidance, reading and messages. */
export function FieldControl(props: FieldControlProps) {
  const { field } = props;
  switch (field.type) {
    case "single-choice":
      return <ChoiceField {...props} />;
    case "multiple-choice":
      return <ChecklistField {...props} />;
    default:
      return <TextLikeField {...props} />;
  }
}

function strongest(messages: readonly FieldMessage[]): "error" | "warning" | "none" {
  if (messages.some((m) => m.severity === "error")) return "error";
  if (messages.some((m) => m.severity === "warning")) return "warning";
  return "none";
}

/** Errors and warnings, one line each (notes go apart, with the hint). */
function MessageLines({ messages }: { messages: readonly FieldMessage[] }) {
  const styles = useFieldControlStyles();
  const shown = messages.filter((m) => m.severity !== "info");
  if (shown.length === 1) return <>{shown[0]?.message}</>;
  return (
    <>
      {shown.map((m, i) => (
        <span key={i} className={styles.line}>
          {m.message}
        </span>
      ))}
    </>
  );
}

/** Notes about a field: information, not a fault, shown apart from errors and warnings. */
function Notes({ messages }: { messages: readonly FieldMessage[] }) {
  const styles = useFieldControlStyles();
  const notes = messages.filter((m) => m.severity === "info");
  if (!notes.length) return null;
  return (
    <>
      {notes.map((m, i) => (
        <span key={i} className={styles.note}>
          Note: {m.message}
        </span>
      ))}
    </>
  );
}

function faults(messages: readonly FieldMessage[]): boolean {
  return messages.some((m) => m.severity !== "info");
}

function Guidance({ text }: { text: string | undefined }) {
  const styles = useFieldControlStyles();
  if (!text) return null;
  return <q className={styles.guidance}>{text}</q>;
}

function TextLikeField({
  field,
  guidance,
  names,
  messages = [],
  label,
  onChange,
  onBlur,
}: FieldControlProps) {
  const styles = useFieldControlStyles();
  const [touched, setTouched] = useState(false);
  const text = typeof field.value === "string" ? field.value : field.value.join(", ");
  const reading = readTyped(field.type, text);
  // The checks' own messages win; the reading's complaint shows until the checks have run.
  const local: FieldMessage[] =
    touched && !reading.ok && messages.length === 0
      ? [{ severity: "error", message: reading.message }]
      : [];
  const all: FieldMessage[] = [...local, ...messages];
  const state = strongest(all);
  const pickerId = useId("picker");
  const blur = () => {
    setTouched(true);
    onBlur?.();
  };
  const hasNotes = all.some((m) => m.severity === "info");
  const hint: ReactNode =
    guidance || (reading.ok && reading.reading) || hasNotes ? (
      <>
        <Guidance text={guidance} />
        {reading.ok && reading.reading ? (
          <span className={styles.reading} aria-live="polite">
            {reading.reading}
          </span>
        ) : null}
        <Notes messages={all} />
      </>
    ) : undefined;

  let control: ReactNode;
  switch (field.type) {
    case "long-text":
      control = (
        <Textarea
          value={text}
          resize="vertical"
          rows={3}
          onChange={(_, d) => onChange(d.value)}
          onBlur={blur}
        />
      );
      break;
    case "person":
      control = (
        <Combobox
          freeform
          value={text}
          selectedOptions={[]}
          placeholder="Name of one person"
          onChange={(e) => onChange((e.target as HTMLInputElement).value)}
          onOptionSelect={(_, d) => d.optionText !== undefined && onChange(d.optionText)}
          onBlur={blur}
        >
          {(names ?? [])
            .filter((n) => n !== text)
            .map((n) => (
              <Option key={n}>{n}</Option>
            ))}
        </Combobox>
      );
      break;
    case "date": {
      const iso = isoOfTyped(text);
      control = (
        <div className={styles.row}>
          <Input
            className={styles.grow}
            value={text}
            placeholder="e.g. 9/15/2026"
            onChange={(_, d) => onChange(d.value)}
            onBlur={blur}
          />
          <input
            id={pickerId}
            type="date"
            className={styles.picker}
            // One Tab stop per date: the typed field is the one the keyboard reaches.
            tabIndex={-1}
            aria-label={`Pick ${label ?? field.label} from a calendar`}
            value={iso ?? ""}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(usDate(e.target.value));
            }}
            onBlur={blur}
          />
        </div>
      );
      break;
    }
    case "number":
    case "percent":
    case "ratio":
    case "money":
      control = (
        <Input
          value={text}
          inputMode={field.type === "ratio" ? "text" : "decimal"}
          contentBefore={field.type === "money" ? <span aria-hidden="true">$</span> : undefined}
          contentAfter={field.type === "percent" ? <span aria-hidden="true">%</span> : undefined}
          onChange={(_, d) => onChange(d.value)}
          onBlur={blur}
        />
      );
      break;
    default:
      control = <Input value={text} onChange={(_, d) => onChange(d.value)} onBlur={blur} />;
  }

  return (
    <Field
      label={label ?? field.label}
      required={field.required}
      hint={hint}
      validationState={state}
      validationMessage={faults(all) ? <MessageLines messages={all} /> : undefined}
    >
      {control}
    </Field>
  );
}

function ChoiceField({
  field,
  guidance,
  messages = [],
  label,
  onChange,
  onBlur,
}: FieldControlProps) {
  const selected = typeof field.value === "string" ? field.value : (field.value[0] ?? "");
  return (
    <Field
      label={label ?? field.label}
      required={field.required}
      hint={
        guidance || messages.some((m) => m.severity === "info") ? (
          <>
            <Guidance text={guidance} />
            <Notes messages={messages} />
          </>
        ) : undefined
      }
      validationState={strongest(messages)}
      validationMessage={faults(messages) ? <MessageLines messages={messages} /> : undefined}
    >
      <RadioGroup
        value={selected}
        onChange={(_, d) => {
          onChange(typeof field.value === "string" ? d.value : [d.value]);
        }}
        onBlur={onBlur}
      >
        {(field.options ?? []).map((o) => (
          <Radio key={o} value={o} label={o} />
        ))}
      </RadioGroup>
    </Field>
  );
}

function ChecklistField({
  field,
  guidance,
  messages = [],
  label,
  onChange,
  onBlur,
}: FieldControlProps) {
  const styles = useFieldControlStyles();
  const chosen = typeof field.value === "string" ? (field.value ? [field.value] : []) : field.value;
  const options = field.options ?? [];
  const messageId = useId("checklist-message");
  const state = strongest(messages);
  return (
    <fieldset
      className={styles.group}
      aria-describedby={messages.length ? messageId : undefined}
      onBlur={onBlur}
    >
      <legend className={styles.legend}>
        {label ?? field.label}
        {field.required ? (
          <span className={styles.required} aria-hidden="true">
            *
          </span>
        ) : null}
      </legend>
      <Guidance text={guidance} />
      {options.map((o) => (
        <Checkbox
          key={o}
          label={o}
          checked={chosen.includes(o)}
          onChange={(_, d) => {
            const next = d.checked
              ? options.filter((x) => x === o || chosen.includes(x))
              : chosen.filter((x) => x !== o);
            onChange(next);
          }}
        />
      ))}
      {messages.length ? (
        <span
          id={messageId}
          role="alert"
          className={mergeClasses(
            styles.message,
            state === "error" ? styles.error : styles.warning,
          )}
        >
          {messages.map((m) => m.message).join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}
