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
import { ArrowClockwiseRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocumentPlanData, SectionData } from "../../domain/plan-data";
import type { Location } from "../../domain/snapshot";
import {
  consentItems,
  fieldKey,
  findingsFor,
  sectionFields,
  valueText,
  personNames,
  sectionChanged,
  sectionKey,
  withSection,
  type ConsentItem,
  type FillReport,
  type OpenedDocument,
  type PaneFinding,
  type PlanSession,
} from "../../app/plan-session";
import { Overview } from "../components/Overview/Overview";
import { sectionTitle } from "../components/SectionForm/section-title";
import { UnknownDocument } from "../components/UnknownDocument/UnknownDocument";
import { useAppStyles } from "./App.styles";

// Filling, the consent dialog and review mode load when first used, keeping the first screen small.
const SectionForm = lazy(() =>
  import("../components/SectionForm/SectionForm").then((m) => ({ default: m.SectionForm })),
);
const WriteDialog = lazy(() =>
  import("../components/WriteDialog/WriteDialog").then((m) => ({ default: m.WriteDialog })),
);
const ReviewMode = lazy(() =>
  import("../components/ReviewMode/ReviewMode").then((m) => ({ default: m.ReviewMode })),
);
const Progress = lazy(() =>
  import("../components/Progress/Progress").then((m) => ({ default: m.Progress })),
);

export type AppProps = { readonly session: PlanSession };

type View =
  | { kind: "overview" }
  | { kind: "section"; position: number }
  | { kind: "review" }
  | { kind: "progress" };

type Notice = {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly title: string;
  readonly text?: string;
  readonly lines?: readonly string[];
  /** A follow-up the person can choose (such as reverting anyway). */
  readonly action?: { readonly label: string; readonly run: () => void };
};

function describeReport(report: FillReport): Notice {
  const lines = [
    ...report.written.map((e) => `Written: ${e.label}`),
    ...report.skipped.map((e) => `Left as it was: ${e.label}${e.reason ? ` (${e.reason})` : ""}`),
    ...report.failed.map((e) => `Not written: ${e.label}${e.reason ? ` (${e.reason})` : ""}`),
  ];
  const parts = [`${report.written.length} written`, `${report.skipped.length} left as they were`];
  if (report.failed.length) parts.push(`${report.failed.length} not written`);
  if (report.rowsAdded) parts.push(`${report.rowsAdded} rows added`);
  if (report.rowsRemoved) parts.push(`${report.rowsRemoved} rows removed`);
  return {
    intent: report.failed.length ? "warning" : "success",
    title: report.failed.length ? "Written, with problems" : "Written to the document",
    text: parts.join(", ") + ".",
    lines,
  };
}

/** Keys of the fields whose value differs between two versions of a section. */
function changedFieldKeys(a: SectionData, b: SectionData): Set<string> {
  const before = new Map(
    sectionFields(a).map(({ field, row }) => [fieldKey(field.id, row), valueText(field.value)]),
  );
  const out = new Set<string>();
  for (const { field, row } of sectionFields(b)) {
    const key = fieldKey(field.id, row);
    if (before.get(key) !== valueText(field.value)) out.add(key);
  }
  return out;
}

function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function sectionKeyText(s: SectionData): string {
  return `${s.id}#${s.block ?? 0}`;
}

/** The task pane: opening, guided filling, writing and review. */
export function App({ session }: AppProps) {
  const styles = useAppStyles();
  const [opened, setOpened] = useState<OpenedDocument | undefined>();
  const [original, setOriginal] = useState<DocumentPlanData | undefined>();
  const [data, setData] = useState<DocumentPlanData | undefined>();
  const [findings, setFindings] = useState<readonly PaneFinding[]>([]);
  const [planIndex, setPlanIndex] = useState(0);
  const [view, setView] = useState<View>({ kind: "overview" });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const [consent, setConsent] = useState<readonly ConsentItem[] | undefined>();
  const [stale, setStale] = useState(false);
  const [tried, setTried] = useState<ReadonlySet<string>>(new Set());
  const noticeRef = useRef<HTMLDivElement>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const originalRef = useRef(original);
  originalRef.current = original;

  const announce = (text: string) => setAnnouncement(text);

  /** Reads the document; keeps sections edited but not yet written, except `written`. */
  const load = useCallback(
    async (keepEdits: boolean, written?: string) => {
      const result = await session.open();
      setOpened(result);
      if (result.kind !== "plans") {
        setData(undefined);
        setOriginal(undefined);
        return;
      }
      let next = result.data;
      const prevData = dataRef.current;
      const prevOriginal = originalRef.current;
      if (keepEdits && prevData && prevOriginal) {
        prevData.plans.forEach((plan, p) =>
          plan.sections.forEach((s, i) => {
            const o = prevOriginal.plans[p]?.sections[i];
            if (o && sectionKeyText(s) !== written && sectionChanged(o, s) && next.plans[p])
              next = withSection(next, p, s);
          }),
        );
      }
      setOriginal(result.data);
      setData(next);
      setFindings(next === result.data ? result.findings : session.check(next));
      setStale(false);
    },
    [session],
  );

  useEffect(() => {
    void load(false).then(async () => {
      announce("Document read.");
      // A fill cut short (the pane was closed or reloaded while Word wrote it): say what is in.
      const last = await session.lastFill();
      if (!last.ok || !last.value || last.value.notWritten === 0) return;
      const f = last.value;
      setNotice({
        intent: "warning",
        title: "The last fill was cut short",
        text: `"${f.label}" wrote ${f.written} of ${f.written + f.notWritten} cells; ${f.notWritten} still hold what they held before. Write the section again to finish it, or revert it.`,
        action: { label: "Revert last fill", run: () => void revertRef.current(false) },
      });
    });
  }, [load, session]);

  // Bring a new report into view (the write button may be far below it).
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);

  const dirty = useMemo(() => {
    if (!data || !original) return false;
    return data.plans.some((p, pi) =>
      p.sections.some((s, si) => {
        const o = original.plans[pi]?.sections[si];
        return !o || sectionChanged(o, s);
      }),
    );
  }, [data, original]);

  // Notice edits made in the document directly: re-read when the pane gets focus back.
  useEffect(() => {
    const onFocus = () => {
      if (busy) return;
      if (dirty) setStale(true);
      else void load(false);
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [busy, dirty, load]);

  const refresh = async () => {
    setBusy(true);
    await load(true);
    setBusy(false);
    announce("Document read again.");
  };

  const revert = async (force: boolean) => {
    setBusy(true);
    const r = await session.revert({ force });
    if (r.ok) {
      await load(false);
      const n: Notice = {
        intent: "success",
        title: "Last fill reverted",
        text: `${r.value.restored} cells restored${r.value.rowsRemoved ? `, ${r.value.rowsRemoved} added rows removed` : ""}.`,
      };
      setNotice(n);
      announce(`${n.title}. ${n.text ?? ""}`);
    } else {
      setNotice({
        intent: "error",
        title: "Nothing reverted",
        text: r.error.message,
        // Cells edited after the fill are put back only when the person says so.
        ...(r.error.code === "document_changed" && !force
          ? { action: { label: "Revert anyway", run: () => void revertRef.current(true) } }
          : {}),
      });
      announce(`Nothing reverted. ${r.error.message}`);
    }
    setBusy(false);
  };
  const revertRef = useRef(revert);
  revertRef.current = revert;

  const goTo = async (location: Location, label: string) => {
    const r = await session.goTo(location);
    if (r.ok) announce(`Selected ${label} in the document.`);
    else setNotice({ intent: "info", title: "Cannot go there", text: r.error.message });
  };

  const plan = data?.plans[planIndex];
  const originalPlan = original?.plans[planIndex];
  const names = useMemo(() => (plan ? personNames(plan) : []), [plan]);

  const runChecks = () => {
    if (dataRef.current) setFindings(session.check(dataRef.current));
  };

  const writeSection = async (
    position: number,
    overwriteKeys: readonly string[],
    items: readonly ConsentItem[],
  ) => {
    if (!data || !original || !plan) return;
    const section = plan.sections[position];
    if (!section) return;
    setBusy(true);
    const overwrite = items
      .filter((i) => overwriteKeys.includes(i.key) && i.location)
      .map((i) => i.location as Location);
    const r = await session.write({
      data: withSection(original, planIndex, section),
      plan: planIndex,
      section: sectionKey(section),
      overwrite,
    });
    if (r.ok) {
      await load(true, sectionKeyText(section));
      const n = describeReport(r.value);
      setNotice(n);
      announce(`${n.title}. ${n.text ?? ""}`);
    } else {
      setNotice({ intent: "error", title: "Nothing written", text: r.error.message });
      announce(`Nothing written. ${r.error.message}`);
      if (r.error.code === "document_changed") await load(true);
    }
    setBusy(false);
  };

  const startWrite = (position: number) => {
    const section = plan?.sections[position];
    const before = originalPlan?.sections[position];
    if (!section || !before) return;
    setTried(new Set([...tried, `${planIndex}/${sectionKeyText(section)}`]));
    const items = consentItems(before, section);
    if (items.length) setConsent(items);
    else void writeSection(position, [], []);
  };

  const comment = async (list: readonly PaneFinding[]) => {
    setBusy(true);
    const items = list.flatMap((f) =>
      f.location ? [{ location: f.location, severity: f.severity, message: f.message }] : [],
    );
    const r = await session.addComments(items);
    setBusy(false);
    let n: Notice;
    if (!r.ok) n = { intent: "error", title: "No comments added", text: r.error.message };
    else {
      const { added, notAdded } = r.value;
      const title = `${added} ${added === 1 ? "comment" : "comments"} added`;
      n = notAdded.length
        ? {
            intent: "warning",
            title,
            text: `${notAdded.length} could not be added: ${notAdded[0]}`,
          }
        : { intent: "success", title };
    }
    setNotice(n);
    announce(`${n.title}. ${n.text ?? ""}`);
    await load(true);
  };

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
        onInsert={(t) => {
          setBusy(true);
          void session.insertTemplate(t).then(async (r) => {
            if (!r.ok)
              setNotice({ intent: "error", title: "Template not inserted", text: r.error.message });
            else await load(false);
            setBusy(false);
          });
        }}
      />
    );
  } else if (plan) {
    const position =
      view.kind === "section" ? Math.min(view.position, plan.sections.length - 1) : 0;
    const section = plan.sections[position];
    const before = originalPlan?.sections[position];
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
            planIndex={planIndex}
            findings={findings}
            onOpenSection={(i) => setView({ kind: "section", position: i })}
          />
        ) : view.kind === "progress" && original && opened.kind === "plans" ? (
          <Suspense fallback={<Spinner label="Opening progress…" />}>
            <Progress
              session={session}
              data={original}
              snapshot={opened.snapshot}
              planIndex={planIndex}
              today={localToday()}
              busy={busy}
              onGoTo={(l, label) => void goTo(l, label)}
              onWritten={() => load(true)}
            />
          </Suspense>
        ) : view.kind === "review" && data ? (
          <Suspense fallback={<Spinner label="Opening review…" />}>
            <ReviewMode
              data={data}
              findings={findings}
              busy={busy}
              onGoTo={(l, label) => void goTo(l, label)}
              onComment={(list) => void comment(list)}
              onCopied={(ok) => {
                const n: Notice = ok
                  ? { intent: "success", title: "Summary copied" }
                  : {
                      intent: "warning",
                      title: "Copy failed",
                      text: "Select the summary text and copy it with Ctrl+C.",
                    };
                setNotice(n);
                announce(n.title);
              }}
            />
          </Suspense>
        ) : section ? (
          <Suspense fallback={<Spinner label="Opening the section…" />}>
            <SectionForm
              plan={plan}
              section={section}
              position={position}
              findings={findingsFor(findings, planIndex, sectionKey(section))}
              guidance={(field) => session.guidance(plan.template, section.id, field)}
              names={names}
              busy={busy}
              changed={before ? sectionChanged(before, section) : false}
              showMissing={tried.has(`${planIndex}/${sectionKeyText(section)}`)}
              onChange={(s) => {
                if (!data) return;
                // Findings about a field being edited are stale until the checks run again (on blur).
                const edited = changedFieldKeys(section, s);
                setFindings(
                  findings.filter(
                    (f) =>
                      f.plan !== planIndex ||
                      f.field === undefined ||
                      (!edited.has(fieldKey(f.field, f.row)) && !edited.has(f.field)),
                  ),
                );
                setData(withSection(data, planIndex, s));
              }}
              onBlur={runChecks}
              onJump={(i) => {
                setView({ kind: "section", position: i });
                const target = plan.sections[i];
                if (target)
                  announce(`Section ${i + 1} of ${plan.sections.length}: ${sectionTitle(target)}`);
              }}
              onWrite={() => startWrite(position)}
              onGoTo={(l, label) => void goTo(l, label)}
            />
          </Suspense>
        ) : null}
        {consent && view.kind === "section" ? (
          <Suspense fallback={null}>
            <WriteDialog
              open
              items={consent}
              onCancel={() => setConsent(undefined)}
              onConfirm={(keys) => {
                const items = consent;
                setConsent(undefined);
                void writeSection(position, keys, items);
              }}
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
            onClick={() => void refresh()}
          >
            Refresh
          </Button>
          <Button
            size="small"
            icon={<ArrowUndoRegular />}
            disabled={busy}
            onClick={() => void revert(false)}
          >
            Revert last fill
          </Button>
        </div>
      </header>
      <main className={styles.main}>
        {stale ? (
          <MessageBar intent="info">
            <MessageBarBody>The document may have changed since it was read.</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void refresh()}>
                Read again
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <div ref={noticeRef} />
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
              {notice.lines && notice.lines.length ? (
                <ul className={styles.reportList} aria-label="What was written">
                  {notice.lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
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
      </main>
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
