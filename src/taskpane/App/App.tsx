import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  ArrowUndoRegular,
  HistoryDismissRegular,
} from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import {
  blockNoun,
  findSection,
  findingsFor,
  personNames,
  sectionChanged,
} from "../../app/plan-session";
import type { PlanSession } from "../../app/plan-session";
import { Overview } from "../components/Overview/Overview";
import { sectionTitle } from "../components/SectionForm/section-title";
import { UnknownDocument } from "../components/UnknownDocument/UnknownDocument";
import { useAppStyles } from "./App.styles";
import { describeHostLimits, describeNarrow } from "./pane-notices";
import { usePane, type PaneOptions } from "./use-pane";

// Filling, the dialogs and review mode load when first used, keeping the first screen small.
const SectionForm = lazy(() =>
  import("../components/SectionForm/SectionForm").then((m) => ({ default: m.SectionForm })),
);
const WriteDialog = lazy(() =>
  import("../components/WriteDialog/WriteDialog").then((m) => ({ default: m.WriteDialog })),
);
const ErrorsDialog = lazy(() =>
  import("../components/WriteDialog/ErrorsDialog").then((m) => ({ default: m.ErrorsDialog })),
);
const ClearHistoryDialog = lazy(() =>
  import("../components/ClearHistoryDialog/ClearHistoryDialog").then((m) => ({
    default: m.ClearHistoryDialog,
  })),
);
const ReviewMode = lazy(() =>
  import("../components/ReviewMode/ReviewMode").then((m) => ({ default: m.ReviewMode })),
);
const Progress = lazy(() =>
  import("../components/Progress/Progress").then((m) => ({ default: m.Progress })),
);

/** Today in the person's own time zone (YYYY-MM-DD), for the Progress view. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type AppProps = { readonly session: PlanSession } & PaneOptions;

/** The task pane: opening, guided filling, writing and review. */
export function App({ session, ...options }: AppProps) {
  const styles = useAppStyles();
  const pane = usePane(session, options);
  const [confirmClear, setConfirmClear] = useState(false);
  const {
    opened,
    data,
    findings,
    documentFindings,
    planIndex,
    setPlanIndex,
    view,
    setView,
    busy,
    notice,
    setNotice,
    announcement,
    announce,
    pending,
    stale,
    plan,
    originalPlan,
  } = pane;
  const names = useMemo(() => (plan ? personNames(plan) : []), [plan]);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Bring a new report into view (the write button may be far below it).
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);

  let body: React.ReactNode;
  if (!opened) {
    body = <Spinner label="Reading the document…" />;
  } else if (opened.kind === "error") {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The document could not be read</MessageBarTitle>
          {opened.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (opened.kind === "unknown") {
    body = (
      <UnknownDocument
        document={opened}
        templates={opened.templates}
        busy={busy}
        onInsert={pane.insertTemplate}
      />
    );
  } else if (plan) {
    const position =
      view.kind === "section" ? Math.min(view.position, plan.sections.length - 1) : 0;
    const section = plan.sections[position];
    const before = section ? findSection(originalPlan, section) : undefined;
    const narrowHere = section && view.kind === "section" ? pane.narrow(section) : [];
    const noun = blockNoun(plan);
    body = (
      <>
        {data && data.plans.length > 1 ? (
          <Field label="Plan">
            <Select
              value={String(planIndex)}
              onChange={(_, d) => {
                setPlanIndex(Number(d.value));
                if (view.kind === "section") setView({ kind: "overview" });
              }}
            >
              {data.plans.map((p, i) => (
                <option key={`${p.template}-${p.instance}`} value={String(i)}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <TabList
          selectedValue={
            view.kind === "review" || view.kind === "progress"
              ? view.kind
              : view.kind === "section"
                ? "fill"
                : "overview"
          }
          onTabSelect={(_, d) =>
            setView(
              d.value === "review" || d.value === "progress"
                ? { kind: d.value }
                : d.value === "fill"
                  ? { kind: "section", position }
                  : { kind: "overview" },
            )
          }
          size="small"
        >
          <Tab value="overview">Overview</Tab>
          <Tab value="fill">Fill</Tab>
          <Tab value="review">Review</Tab>
          <Tab value="progress">Progress</Tab>
        </TabList>
        {view.kind === "overview" ? (
          <Overview
            plan={plan}
            documentPlan={originalPlan}
            planIndex={planIndex}
            findings={documentFindings}
            unwritten={plan.sections.map((_, i) => pane.unwritten.has(`${planIndex}/${i}`))}
            onOpenSection={(i) => setView({ kind: "section", position: i })}
          />
        ) : view.kind === "progress" && pane.original && opened.kind === "plans" ? (
          <Suspense fallback={<Spinner label="Opening progress…" />}>
            <Progress
              session={session}
              data={pane.original}
              snapshot={opened.snapshot}
              planIndex={planIndex}
              today={localToday()}
              busy={busy}
              onGoTo={(l, label) => void pane.goTo(l, label)}
              onWritten={() => pane.reload()}
            />
          </Suspense>
        ) : view.kind === "review" && data ? (
          <Suspense fallback={<Spinner label="Opening review…" />}>
            <ReviewMode
              data={data}
              findings={findings}
              busy={busy}
              commented={pane.commented}
              onGoTo={(l, label) => void pane.goTo(l, label)}
              {...(pane.caps?.comments === false
                ? {}
                : {
                    onComment: (list: Parameters<typeof pane.comment>[0]) =>
                      void pane.comment(list),
                  })}
              onCopied={(ok) =>
                pane.say(
                  ok
                    ? { intent: "success", title: "Summary copied" }
                    : {
                        intent: "warning",
                        title: "Copy failed",
                        text: "Select the summary text and copy it with Ctrl+C.",
                      },
                )
              }
            />
          </Suspense>
        ) : section ? (
          <Suspense fallback={<Spinner label="Opening the section…" />}>
            <SectionForm
              plan={plan}
              section={section}
              position={position}
              findings={findingsFor(findings, planIndex, section)}
              guidance={(field) => session.guidance(plan.template, section.id, field)}
              rubric={(field) => session.rubric(field)}
              sectionGuidance={session.sectionGuidance(plan.template, section.id)}
              names={names}
              busy={busy}
              changed={before ? sectionChanged(before, section) : true}
              {...(section.block !== undefined && noun
                ? { addBlock: { noun, run: pane.addBlock } }
                : {})}
              showMissing={pane.tried(section)}
              writeDone={pane.writeDone}
              onChange={(s) => pane.editSection(section, s)}
              onBlur={pane.runChecks}
              onJump={(i) => {
                setView({ kind: "section", position: i });
                const target = plan.sections[i];
                if (target)
                  announce(`Section ${i + 1} of ${plan.sections.length}: ${sectionTitle(target)}`);
              }}
              onWrite={() => pane.startWrite(position)}
              onGoTo={(l, label) => void pane.goTo(l, label)}
              narrow={{ entries: narrowHere, notice: describeNarrow(narrowHere) }}
            />
          </Suspense>
        ) : null}
        {pending && pending.step === "errors" && view.kind === "section" ? (
          <Suspense fallback={null}>
            <ErrorsDialog
              entries={pending.errors}
              onCancel={pane.cancelWrite}
              onConfirm={pane.confirmErrors}
            />
          </Suspense>
        ) : null}
        {pending && pending.step === "consent" && view.kind === "section" ? (
          <Suspense fallback={null}>
            <WriteDialog
              open
              items={pending.consent}
              onCancel={pane.cancelWrite}
              onConfirm={pane.confirmConsent}
            />
          </Suspense>
        ) : null}
      </>
    );
  }

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.brand}>PlanAssist</h1>
        <div className={styles.toolbar} role="toolbar" aria-label="Document">
          <Button
            size="small"
            icon={<ArrowClockwiseRegular />}
            disabled={busy}
            onClick={() => void pane.refresh()}
          >
            Refresh
          </Button>
          {pane.caps?.revert === false ? null : (
            <Button
              size="small"
              icon={<ArrowUndoRegular />}
              disabled={busy}
              onClick={() => void pane.revert(false)}
            >
              Revert last fill
            </Button>
          )}
          {pane.caps?.revert === false ? null : (
            <Button
              size="small"
              icon={<HistoryDismissRegular />}
              disabled={busy}
              onClick={() => setConfirmClear(true)}
            >
              Clear fill history
            </Button>
          )}
        </div>
      </header>
      <main className={styles.main}>
        {stale ? (
          <MessageBar intent="info">
            <MessageBarBody>The document may have changed since it was read.</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void pane.refresh()}>
                Read again
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {describeHostLimits(pane.caps).map((n) => (
          <MessageBar key={n.title} intent={n.intent} layout="multiline" data-testid="host-notice">
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.text}
            </MessageBarBody>
          </MessageBar>
        ))}
        <div ref={noticeRef} />
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
              {notice.lines && notice.lines.length ? (
                <details className={styles.details}>
                  <summary className={styles.detailsSummary}>Details</summary>
                  <ul className={styles.reportList} aria-label="What was written">
                    {notice.lines.map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </MessageBarBody>
            <MessageBarActions>
              {notice.action ? (
                <Button size="small" disabled={busy} onClick={notice.action.run}>
                  {notice.action.label}
                </Button>
              ) : null}
              <Button size="small" appearance="transparent" onClick={() => setNotice(undefined)}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {body}
        {confirmClear ? (
          <Suspense fallback={null}>
            <ClearHistoryDialog
              onCancel={() => setConfirmClear(false)}
              onConfirm={() => {
                setConfirmClear(false);
                void pane.clearHistory();
              }}
            />
          </Suspense>
        ) : null}
      </main>
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
