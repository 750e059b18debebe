import { Badge, Button, Checkbox, Text } from "@fluentui/react-components";
import {
  CommentAddRegular,
  CommentCheckmarkRegular,
  CopyRegular,
  LocationRegular,
} from "@fluentui/react-icons";
import { useState } from "react";
import type { DocumentPlanData } from "../../../domain/plan-data";
import type { Location } from "../../../domain/snapshot";
import {
  findingKey,
  findingsFor,
  planCompleteness,
  reviewSummary,
  type PaneFinding,
  type Severity,
} from "../../../app/plan-session";
import { sectionTitle } from "../SectionForm/section-title";
import { useReviewModeStyles } from "./ReviewMode.styles";

export type ReviewModeProps = {
  readonly data: DocumentPlanData;
  readonly findings: readonly PaneFinding[];
  readonly busy: boolean;
  /** Keys (findingKey) of the findings already added as comments. */
  readonly commented?: ReadonlySet<string>;
  readonly onGoTo: (location: Location, label: string) => void;
  /** Absent where the host cannot add comments (Word without WordApi 1.4): no comment buttons. */
  readonly onComment?: (findings: readonly PaneFinding[]) => void;
  readonly onCopied: (ok: boolean) => void;
};

const severities: {
  value: Severity;
  label: string;
  color: "danger" | "warning" | "informative";
}[] = [
  { value: "error", label: "Errors", color: "danger" },
  { value: "warning", label: "Warnings", color: "warning" },
  { value: "info", label: "Notes", color: "informative" },
];

/** Every finding of the document, grouped by section, for a consultant. */
export function ReviewMode({
  data,
  findings,
  busy,
  commented = new Set(),
  onGoTo,
  onComment,
  onCopied,
}: ReviewModeProps) {
  const styles = useReviewModeStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(
    new Set<Severity>(["error", "warning", "info"]),
  );
  const visible = findings.filter((f) => shown.has(f.severity));
  const summary = reviewSummary(data, findings, shown);
  const commentable = visible.filter((f) => f.location && !commented.has(findingKey(f)));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      onCopied(true);
    } catch {
      onCopied(false);
    }
  };
  return (
    <section className={styles.root} aria-labelledby="review-title">
      <h2 id="review-title" className={styles.title}>
        Review
      </h2>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>Show</legend>
        {severities.map((s) => (
          <Checkbox
            key={s.value}
            label={`${s.label} (${findings.filter((f) => f.severity === s.value).length})`}
            checked={shown.has(s.value)}
            onChange={(_, d) => {
              const next = new Set(shown);
              if (d.checked) next.add(s.value);
              else next.delete(s.value);
              setShown(next);
            }}
          />
        ))}
      </fieldset>
      {onComment ? (
        <div className={styles.actions}>
          <Button
            icon={<CommentAddRegular />}
            disabled={busy || commentable.length === 0}
            onClick={() => onComment(commentable)}
          >
            {commentable.length === 0 && visible.some((f) => f.location)
              ? "Every finding shown has a comment"
              : `Add all as comments (${commentable.length})`}
          </Button>
        </div>
      ) : null}
      {data.plans.map((plan, planIndex) => {
        const c = planCompleteness(plan, planIndex, findings);
        return (
          <div key={`${plan.template}-${plan.instance}`} className={styles.root}>
            <h3 className={styles.subtitle}>
              {plan.label}: {c.filled} of {c.required} required fields filled and valid
            </h3>
            {plan.sections.map((section) => {
              const mine = findingsFor(visible, planIndex, section);
              if (mine.length === 0) return null;
              return (
                <section
                  key={`${section.id}-${section.block ?? 0}`}
                  aria-label={sectionTitle(section)}
                >
                  <h4 className={styles.subtitle}>{sectionTitle(section)}</h4>
                  <ul className={styles.list}>
                    {mine.map((f, i) => {
                      const sev = severities.find((s) => s.value === f.severity);
                      const about = f.fieldLabel ?? sectionTitle(section);
                      const done = commented.has(findingKey(f));
                      return (
                        <li
                          key={`${f.code}-${f.field ?? ""}-${f.row ?? ""}-${i}`}
                          className={styles.finding}
                        >
                          <div>
                            <Badge appearance="tint" color={sev?.color ?? "informative"}>
                              {sev?.label.replace(/s$/, "") ?? f.severity}
                            </Badge>
                          </div>
                          <Text className={styles.message}>
                            {f.fieldLabel ? <strong>{f.fieldLabel}: </strong> : null}
                            {f.message}
                          </Text>
                          {f.location ? (
                            <div className={styles.actions}>
                              <Button
                                size="small"
                                icon={<LocationRegular />}
                                aria-label={`Go to ${about}`}
                                onClick={() => f.location && onGoTo(f.location, about)}
                              >
                                Go to
                              </Button>
                              {onComment ? (
                                <Button
                                  size="small"
                                  icon={done ? <CommentCheckmarkRegular /> : <CommentAddRegular />}
                                  disabled={busy || done}
                                  aria-label={
                                    done
                                      ? `Comment added on ${about}`
                                      : `Add as comment on ${about}`
                                  }
                                  onClick={() => onComment([f])}
                                >
                                  {done ? "Comment added" : "Add as comment"}
                                </Button>
                              ) : null}
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </div>
        );
      })}
      {visible.length === 0 ? <Text>No findings to show.</Text> : null}
      <h3 className={styles.subtitle}>Summary{shown.size < 3 ? " (the findings shown)" : ""}</h3>
      <pre className={styles.summary} tabIndex={0} aria-label="Summary as text">
        {summary}
      </pre>
      <div className={styles.actions}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Copy summary
        </Button>
      </div>
    </section>
  );
}
