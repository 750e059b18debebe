import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { TemplateSummary, UnknownDocument as Unknown } from "../../../app/plan-session";

type UnknownDocumentProps = {
  readonly document: Unknown;
  readonly templates: readonly TemplateSummary[];
  readonly busy: boolean;
  readonly onInsert: (template: string) => void;
};

/** What the pane says about a document that holds no known plan. */
export function UnknownDocument({ document, templates, busy, onInsert }: UnknownDocumentProps) {
  const [choice, setChoice] = useState(templates[0]?.id ?? "");
  return (
    <section
      aria-labelledby="unknown-title"
      style={{ display: "flex", flexDirection: "column", gap: 12 }}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="unknown-title">No known plan in this document</MessageBarTitle>
          {document.closest ? (
            <>
              The closest is the {document.closest.label}, but{" "}
              {document.closest.missing.length
                ? "these were not found:"
                : "it did not match well enough."}
            </>
          ) : (
            <>PlanAssist found no tables of any plan it knows.</>
          )}
        </MessageBarBody>
      </MessageBar>
      {document.closest && document.closest.missing.length ? (
        <ul aria-label="What was not found">
          {document.closest.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {document.empty ? (
        <>
          <Text>The document is empty. Insert a blank copy of a template to start a plan.</Text>
          <Field label="Template">
            <Select value={choice} onChange={(_, d) => setChoice(d.value)}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={busy || !choice} onClick={() => onInsert(choice)}>
            Insert blank template
          </Button>
        </>
      ) : (
        <Text>
          Open a plan written from one of these templates, or start from an empty document to insert
          one: {templates.map((t) => t.label).join("; ")}.
        </Text>
      )}
    </section>
  );
}
