import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Text,
} from "@fluentui/react-components";
import { ArrowForwardRegular, CheckmarkRegular, LocationRegular } from "@fluentui/react-icons";
import { format } from "date-fns";
import { useMemo, useState } from "react";
import type { FillRequest, PlanSession } from "../../../app/plan-session";
import { isoToDate } from "../../../domain/parse/date";
import type { DocumentPlanData } from "../../../domain/plan-data";
import { planMarkDone, type MarkDonePlan } from "../../../domain/progress/mark-done";
import { nextCycleEdits, ONE_YEAR } from "../../../domain/progress/next-cycle";
import {
  byUrgency,
  countSteps,
  DEFAULT_DUE_WITHIN_DAYS,
  planSteps,
  stepStateLabels,
  stepStates,
  type PlanStep,
  type StepState,
} from "../../../domain/progress/step-status";
import type { DocumentSnapshot, Location } from "../../../domain/snapshot";
import { useProgressStyles } from "./Progress.styles";

export type ProgressProps = {
  readonly session: PlanSession;
  /** The plan data as read from the document (not the pane's unwritten edits). */
  readonly data: DocumentPlanData;
  readonly snapshot: DocumentSnapshot;
  readonly planIndex: number;
  /** Today, as yyyy-MM-dd. */
  readonly today: string;
  readonly busy: boolean;
  readonly onGoTo: (location: Location, label: string) => void;
  /** Called after a step was marked done, to read the document again. */
  readonly onWritten: () => Promise<void>;
};

const colours: Record<StepState, "danger" | "warning" | "informative" | "subtle" | "success"> = {
  overdue: "danger",
  "due-soon": "warning",
  "not-started": "informative",
  "no-date": "subtle",
  done: "success",
};

function dateText(iso: string): string {
  return format(isoToDate(iso), "MMM d, yyyy");
}

function whenText(step: PlanStep): string {
  if (step.deadline === undefined) return "No deadline";
  const d = step.daysLeft ?? 0;
  const rel =
    d === 0
      ? "today"
      : d > 0
        ? `in ${d} day${d === 1 ? "" : "s"}`
        : `${-d} day${d === -1 ? "" : "s"} ago`;
  return `Deadline ${dateText(step.deadline)} (${rel})`;
}

export function stepName(step: PlanStep): string {
  const section = `${step.sectionLabel}${step.block !== undefined ? ` #${step.block}` : ""}`;
  return `${section}, ${step.rowLabel ? step.rowLabel.replace(/:$/, "") : `row ${step.row + 1}`}`;
}

type Pending = { readonly step: PlanStep; readonly planned: MarkDonePlan };

/** Where each dated step of the plan stands today, overdue first; a step can be marked done. */
export function Progress({
  session,
  data,
  snapshot,
  planIndex,
  today,
  busy,
  onGoTo,
  onWritten,
}: ProgressProps) {
  const styles = useProgressStyles();
  const [dueWithin, setDueWithin] = useState(DEFAULT_DUE_WITHIN_DAYS);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const [pending, setPending] = useState<Pending | undefined>();
  const [cycle, setCycle] = useState<{ keepDone: boolean; blank: boolean } | undefined>();
  const all = useMemo(
    () => planSteps(data, snapshot, { today, dueWithinDays: dueWithin }),
    [data, snapshot, today, dueWithin],
  );
  const steps = useMemo(() => byUrgency(all.filter((s) => s.plan === planIndex)), [all, planIndex]);
  const counts = countSteps(steps);

  const write = async (p: Pending) => {
    setWorking(true);
    const edit = p.planned.plan.content[0];
    const request: FillRequest = {
      data,
      plan: p.step.plan,
      section:
        p.step.block === undefined
          ? { id: p.step.section }
          : { id: p.step.section, block: p.step.block },
      overwrite: [],
      ...(edit && edit.kind === "set-text" ? { extra: [edit] } : {}),
    };
    const r = await session.write(request);
    if (r.ok && r.value.failed.length === 0 && r.value.written.length > 0) {
      await onWritten();
      setMessage({
        intent: "success",
        text: `Marked done: ${stepName(p.step)} ("${p.planned.after}" written in ${p.step.statusColumn?.header ?? "its status column"}). Revert last fill undoes it.`,
      });
    } else {
      const why = r.ok
        ? (r.value.failed[0]?.reason ?? "the document did not take the change")
        : r.error.message;
      setMessage({ intent: "error", text: `Not marked done: ${why}` });
      if (!r.ok && r.error.code === "document_changed") await onWritten();
    }
    setWorking(false);
  };

  /** Makes this document next year's plan, as one fill (Revert last fill undoes it). */
  const startNextCycle = async (choice: { keepDone: boolean; blank: boolean }) => {
    const planned = nextCycleEdits(snapshot, data, all, {
      shift: ONE_YEAR,
      today,
      done: choice.keepDone ? "keep" : "drop",
      blankDeadlines: choice.blank,
    });
    const first = data.plans[0]?.sections[0];
    if (!planned.ok || !first) {
      setMessage({
        intent: "error",
        text: planned.ok ? "This document holds no plan." : planned.error.message,
      });
      return;
    }
    setWorking(true);
    const r = await session.write({
      data,
      plan: 0,
      section: first.block === undefined ? { id: first.id } : { id: first.id, block: first.block },
      overwrite: [],
      extra: planned.value.edits,
    });
    if (r.ok && r.value.failed.length === 0) {
      await onWritten();
      const v = planned.value;
      setMessage({
        intent: "success",
        text: `Next cycle started: ${v.carried} steps carried over${choice.blank ? " with blank deadlines" : " with deadlines a year on"}, ${v.dropped} done dropped, ${v.kept} kept as done last cycle; the plan's dates moved on a year. This document is now next year's plan: save it under a new name to keep both. Revert last fill undoes it.`,
      });
    } else {
      const why = r.ok
        ? (r.value.failed[0]?.reason ?? "the document did not take the change")
        : r.error.message;
      setMessage({ intent: "error", text: `Next cycle not started: ${why}` });
    }
    setWorking(false);
  };

  const markDone = (step: PlanStep) => {
    const planned = planMarkDone(snapshot, step, today);
    if (!planned.ok) {
      setMessage({ intent: "error", text: planned.error.message });
      return;
    }
    const p = { step, planned: planned.value };
    if (planned.value.needsConsent) setPending(p);
    else void write(p);
  };

  const groups = stepStates
    .map((state) => ({ state, list: steps.filter((s) => s.state === state) }))
    .filter((g) => g.list.length > 0);

  return (
    <section className={styles.root} aria-labelledby="progress-title">
      <h2 id="progress-title" className={styles.title}>
        Progress
      </h2>
      <p className={styles.counts}>
        {steps.length === 0
          ? "No dated steps are filled in yet: give steps a deadline and they are listed here."
          : stepStates.map((s) => `${stepStateLabels[s]}: ${counts[s]}`).join(" · ")}
      </p>
      <Field label="Due soon means within (days)">
        <SpinButton
          value={dueWithin}
          min={0}
          max={366}
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isInteger(v) && v >= 0 && v <= 366) setDueWithin(v);
          }}
        />
      </Field>
      {message ? (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {groups.map((g) => (
        <section key={g.state} aria-labelledby={`progress-${g.state}`}>
          <h3 id={`progress-${g.state}`} className={styles.group}>
            {stepStateLabels[g.state]} ({g.list.length})
          </h3>
          <ul className={styles.list}>
            {g.list.map((step) => {
              const name = stepName(step);
              const canMark = step.state !== "done" && step.statusColumn?.location !== undefined;
              return (
                <li
                  key={`${step.section}-${step.block ?? 0}-${step.row}`}
                  className={styles.step}
                  data-step-state={step.state}
                >
                  <div className={styles.head}>
                    <Badge appearance="tint" shape="rounded" color={colours[step.state]}>
                      {stepStateLabels[step.state]}
                    </Badge>
                    <Text weight="semibold">{name}</Text>
                  </div>
                  {step.text ? <Text className={styles.text}>{step.text}</Text> : null}
                  <Text size={200} className={styles.facts}>
                    {`Owner: ${step.owner || "not given"} · ${whenText(step)}${step.doneOn ? ` · Done ${dateText(step.doneOn)}` : ""}`}
                  </Text>
                  {step.state !== "done" && !step.statusColumn ? (
                    <Text size={200} className={styles.facts}>
                      No completion or status column: add a “Status” column to the table in Word to
                      mark steps done here.
                    </Text>
                  ) : null}
                  <div className={styles.actions}>
                    {step.location ? (
                      <Button
                        size="small"
                        icon={<LocationRegular />}
                        aria-label={`Go to ${name}`}
                        onClick={() => onGoTo(step.location as Location, name)}
                      >
                        Go to
                      </Button>
                    ) : null}
                    {canMark ? (
                      <Button
                        size="small"
                        icon={<CheckmarkRegular />}
                        aria-label={`Mark done: ${name}`}
                        disabled={busy || working}
                        onClick={() => markDone(step)}
                      >
                        Mark done
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <div className={styles.actions}>
        <Button
          icon={<ArrowForwardRegular />}
          disabled={busy || working || all.length === 0}
          onClick={() => setCycle({ keepDone: false, blank: false })}
        >
          Start next cycle…
        </Button>
      </div>
      <Dialog open={cycle !== undefined} onOpenChange={(_, d) => !d.open && setCycle(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Start next year&apos;s plan from this one?</DialogTitle>
            <DialogContent>
              <p>
                Steps not done are kept with their deadlines a year on; steps done are dropped;
                Today&apos;s Date, Plan Start and the other plan dates move on a year. Everything
                else stays. This document becomes next year&apos;s plan: save a copy first to keep
                this year&apos;s. Revert last fill undoes it.
              </p>
              <Checkbox
                label="Keep steps done, marked “Done last cycle”"
                checked={cycle?.keepDone ?? false}
                onChange={(_, d) => cycle && setCycle({ ...cycle, keepDone: d.checked === true })}
              />
              <Checkbox
                label="Leave the carried steps' deadlines blank"
                checked={cycle?.blank ?? false}
                onChange={(_, d) => cycle && setCycle({ ...cycle, blank: d.checked === true })}
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setCycle(undefined)}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const c = cycle;
                  setCycle(undefined);
                  if (c) void startNextCycle(c);
                }}
              >
                Start next cycle
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog
        open={pending !== undefined}
        onOpenChange={(_, d) => !d.open && setPending(undefined)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Replace what the status cell holds?</DialogTitle>
            <DialogContent>
              {pending
                ? `${pending.step.statusColumn?.header ?? "The status cell"} of ${stepName(pending.step)} holds “${pending.planned.before}”. Mark done writes “${pending.planned.after}” there instead.`
                : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPending(undefined)}>
                Keep it
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const p = pending;
                  setPending(undefined);
                  if (p) void write(p);
                }}
              >
                Replace and mark done
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
