/**
 * The pane's state and actions, apart from its views: the document read, the entries typed, the
 * findings, the notices, and reading, writing, reverting and commenting. A view (overview, fill,
 * review, and any added later) takes what it needs from here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DocumentPlanData, SectionData } from "../../domain/plan-data";
import { sectionKey } from "../../domain/plan-keys";
import type { DocumentCapabilities } from "../../ports/document.port";
import type { Location } from "../../domain/snapshot";
import {
  addBlock,
  consentItems,
  findSection,
  writeData,
  entriesWithErrors,
  fieldKey,
  findingKey,
  findingsFor,
  sectionChanged,
  sectionFields,
  valueText,
  withSection,
  type ConsentItem,
  type OpenedDocument,
  type PaneFinding,
  type PlanSession,
} from "../../app/plan-session";
import type { EntryWithErrors } from "../components/WriteDialog/ErrorsDialog";
import {
  describeComments,
  describeReport,
  describeRevert,
  describeRevertRefusal,
  narrowEntries,
  type Notice,
} from "./pane-notices";

type View =
  | { kind: "overview" }
  | { kind: "section"; position: number }
  | { kind: "review" }
  | { kind: "progress" };

/** A write waiting for the person's answer: first about entries with errors, then about replacing text. */
type PendingWrite = {
  readonly position: number;
  readonly errors: readonly EntryWithErrors[];
  readonly consent: readonly ConsentItem[];
  readonly step: "errors" | "consent";
};

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

/** Keys (plan index / position) of the sections whose entries were typed but not written. */
function unwrittenOf(
  data: DocumentPlanData | undefined,
  original: DocumentPlanData | undefined,
): ReadonlySet<string> {
  const out = new Set<string>();
  if (!data || !original) return out;
  data.plans.forEach((p, pi) =>
    p.sections.forEach((s, si) => {
      const o = findSection(original.plans[pi], s);
      if (!o || sectionChanged(o, s)) out.add(`${pi}/${si}`);
    }),
  );
  return out;
}

/**
 * The document as read again, with the entries typed and not written kept: edited sections, and
 * the sections of blocks added in the pane that the document does not hold yet. `written` (a
 * section just written) takes the document's values.
 */
function keepUnwritten(
  next: DocumentPlanData,
  prevData: DocumentPlanData,
  prevOriginal: DocumentPlanData,
  written: string | undefined,
): DocumentPlanData {
  let out = next;
  prevData.plans.forEach((plan, p) => {
    if (!out.plans[p]) return;
    const added: SectionData[] = [];
    for (const s of plan.sections) {
      const o = findSection(prevOriginal.plans[p], s);
      const now = findSection(out.plans[p], s);
      if (!o) {
        // A block added in the pane: kept until the document holds it.
        if (!now) added.push(s);
        continue;
      }
      if (now && sectionKey(s) !== written && sectionChanged(o, s)) out = withSection(out, p, s);
    }
    if (added.length) {
      const target = out.plans[p];
      if (!target) return;
      const lastAt = target.sections.reduce((at, s, i) => (s.block !== undefined ? i : at), -1);
      const sections = [
        ...target.sections.slice(0, lastAt + 1),
        ...added,
        ...target.sections.slice(lastAt + 1),
      ];
      out = { ...out, plans: out.plans.map((x, i) => (i === p ? { ...x, sections } : x)) };
    }
  });
  return out;
}

export type PaneOptions = {
  /** Told whenever entries typed but not written appear or go (the preview asks before opening another file). */
  readonly onUnwrittenChange?: (unwritten: boolean) => void;
  /** What the host can do, asked again after every read (Track Changes may be turned on). */
  readonly capabilities?: () => DocumentCapabilities;
};

export function usePane(session: PlanSession, options: PaneOptions = {}) {
  const [opened, setOpened] = useState<OpenedDocument | undefined>();
  const [original, setOriginal] = useState<DocumentPlanData | undefined>();
  const [data, setData] = useState<DocumentPlanData | undefined>();
  const [findings, setFindings] = useState<readonly PaneFinding[]>([]);
  /** Findings on what the document holds (progress counts the document, not what is typed). */
  const [documentFindings, setDocumentFindings] = useState<readonly PaneFinding[]>([]);
  const [planIndex, setPlanIndex] = useState(0);
  const [view, setView] = useState<View>({ kind: "overview" });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const [pending, setPending] = useState<PendingWrite | undefined>();
  const [stale, setStale] = useState(false);
  const [tried, setTried] = useState<ReadonlySet<string>>(new Set());
  const [commented, setCommented] = useState<ReadonlySet<string>>(new Set());
  const [caps, setCaps] = useState<DocumentCapabilities | undefined>();
  /** Bumped after each write dialog closes, for the view to put focus back on Write. */
  const [writeDone, setWriteDone] = useState(0);
  const capabilitiesRef = useRef(options.capabilities);
  capabilitiesRef.current = options.capabilities;
  const dataRef = useRef(data);
  dataRef.current = data;
  const originalRef = useRef(original);
  originalRef.current = original;

  const announce = (text: string) => setAnnouncement(text);
  const say = (n: Notice) => {
    setNotice(n);
    announce(`${n.title}. ${n.text ?? ""}`);
  };

  /** Reads the document; keeps sections edited but not yet written, except `written`. */
  const load = useCallback(
    async (keepEdits: boolean, written?: string) => {
      const result = await session.open();
      setCaps(capabilitiesRef.current?.());
      setOpened(result);
      if (result.kind !== "plans") {
        setData(undefined);
        setOriginal(undefined);
        setDocumentFindings([]);
        return;
      }
      const prevData = dataRef.current;
      const prevOriginal = originalRef.current;
      const next =
        keepEdits && prevData && prevOriginal
          ? keepUnwritten(result.data, prevData, prevOriginal, written)
          : result.data;
      setOriginal(result.data);
      setData(next);
      setDocumentFindings(result.findings);
      setFindings(next === result.data ? result.findings : session.check(next));
      setStale(false);
    },
    [session],
  );

  const revertRef = useRef<(force: boolean) => Promise<void>>(async () => {});

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

  const unwritten = useMemo(() => unwrittenOf(data, original), [data, original]);
  const dirty = unwritten.size > 0;

  // Entries typed and not written are not thrown away without asking.
  const { onUnwrittenChange } = options;
  useEffect(() => {
    onUnwrittenChange?.(dirty);
    if (!dirty) return;
    const onLeave = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [dirty, onUnwrittenChange]);

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
      say(describeRevert(r.value));
    } else {
      const sections = originalRef.current?.plans.flatMap((p) => p.sections) ?? [];
      const n = describeRevertRefusal(r.error, sections, force);
      // Cells edited after the fill are put back only when the person says so.
      say(
        r.error.code === "document_changed" && !force
          ? { ...n, action: { label: "Revert anyway", run: () => void revertRef.current(true) } }
          : n,
      );
    }
    setBusy(false);
  };
  revertRef.current = revert;

  /** Takes the record of fills out of the document; the person agreed in the dialog. */
  const clearHistory = async () => {
    setBusy(true);
    const r = await session.clearFillHistory();
    say(
      !r.ok
        ? { intent: "error", title: "Fill history not cleared", text: r.error.message }
        : r.value.cleared === 0
          ? {
              intent: "info",
              title: "No fill history",
              text: "This document holds no record of fills, so there was nothing to clear.",
            }
          : {
              intent: "success",
              title: "Fill history cleared",
              text: `The record of ${r.value.cleared === 1 ? "1 fill" : `${r.value.cleared} fills`} and the earlier cell contents it held are out of the document. Those fills can no longer be reverted.`,
            },
    );
    setBusy(false);
  };

  const goTo = async (location: Location, label: string) => {
    const r = await session.goTo(location);
    if (r.ok) announce(`Selected ${label} in the document.`);
    else setNotice({ intent: "info", title: "Cannot go there", text: r.error.message });
  };

  const plan = data?.plans[planIndex];
  const originalPlan = original?.plans[planIndex];

  const runChecks = () => {
    if (dataRef.current) setFindings(session.check(dataRef.current));
  };

  /** The person changed a section's entries. */
  const editSection = (section: SectionData, s: SectionData) => {
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
  };

  const writeSection = async (
    position: number,
    overwriteKeys: readonly string[],
    items: readonly ConsentItem[],
    withErrors: number,
  ) => {
    if (!data || !original || !plan) return;
    const section = plan.sections[position];
    if (!section) return;
    setBusy(true);
    const overwrite = items
      .filter((i) => overwriteKeys.includes(i.key) && i.location)
      .map((i) => i.location as Location);
    const r = await session.write({
      data: writeData(original, data, planIndex, section),
      plan: planIndex,
      section:
        section.block === undefined ? { id: section.id } : { id: section.id, block: section.block },
      overwrite,
    });
    if (r.ok) {
      await load(true, sectionKey(section));
      say(describeReport(r.value, section, withErrors));
    } else {
      say({ intent: "error", title: "Nothing written", text: r.error.message });
      if (r.error.code === "document_changed") await load(true);
    }
    setBusy(false);
    setWriteDone((n) => n + 1);
  };

  const startWrite = (position: number) => {
    const section = plan?.sections[position];
    if (!section) return;
    const before = findSection(originalPlan, section);
    setTried(new Set([...tried, `${planIndex}/${sectionKey(section)}`]));
    if (before && !sectionChanged(before, section)) {
      say({
        intent: "info",
        title: "Nothing to write",
        text: `The document already holds every entry in ${section.label}.`,
      });
      return;
    }
    const errors = entriesWithErrors(section, findingsFor(findings, planIndex, section));
    // A new block's cells hold nothing yet: there is nothing to replace.
    const consent = before ? consentItems(before, section) : [];
    if (errors.length) setPending({ position, errors, consent, step: "errors" });
    else if (consent.length) setPending({ position, errors, consent, step: "consent" });
    else void writeSection(position, [], [], 0);
  };

  /** The person answered "write anyway" about entries with errors. */
  const confirmErrors = () => {
    if (!pending) return;
    if (pending.consent.length) setPending({ ...pending, step: "consent" });
    else {
      setPending(undefined);
      void writeSection(pending.position, [], [], pending.errors.length);
    }
  };

  /** The person chose which cells holding text to replace. */
  const confirmConsent = (keys: readonly string[]) => {
    if (!pending) return;
    setPending(undefined);
    void writeSection(pending.position, keys, pending.consent, pending.errors.length);
  };

  const cancelWrite = () => {
    setPending(undefined);
    setWriteDone((n) => n + 1);
  };

  const comment = async (list: readonly PaneFinding[]) => {
    const fresh = list.filter((f) => f.location && !commented.has(findingKey(f)));
    const skipped = list.length - fresh.length;
    if (fresh.length === 0) {
      say(describeComments({ added: 0, notAdded: [] }, skipped));
      return;
    }
    setBusy(true);
    const r = await session.addComments(
      fresh.map((f) => ({
        location: f.location as Location,
        severity: f.severity,
        message: f.message,
        ...(f.fieldLabel ? { fieldLabel: f.fieldLabel } : {}),
      })),
    );
    setBusy(false);
    if (!r.ok) say({ intent: "error", title: "No comments added", text: r.error.message });
    else {
      if (r.value.added > 0) setCommented(new Set([...commented, ...fresh.map(findingKey)]));
      say(describeComments(r.value, skipped));
    }
    await load(true);
  };

  /** Adds a blank block (a challenge, a strategy) after the last one and opens its first section. */
  const addBlockToPlan = () => {
    if (!data || !plan) return;
    const added = addBlock(plan);
    if (!added) return;
    setData({
      ...data,
      plans: data.plans.map((p, i) => (i === planIndex ? added.plan : p)),
    });
    setView({ kind: "section", position: added.position });
    const first = added.plan.sections[added.position];
    announce(
      `${first?.label ?? "A new block"} ${first?.block ?? ""} added. It is written to the document with its first section.`,
    );
  };

  const insertTemplate = (t: string) => {
    setBusy(true);
    void session.insertTemplate(t).then(async (r) => {
      if (!r.ok)
        setNotice({ intent: "error", title: "Template not inserted", text: r.error.message });
      else await load(false);
      setBusy(false);
    });
  };

  /** The section's typed entries bound for cells too narrow to read them, said before writing. */
  const narrow = (section: SectionData) => {
    const snapshot = opened?.kind === "plans" ? opened.snapshot : undefined;
    return narrowEntries(section, findSection(originalPlan, section), snapshot);
  };

  return {
    opened,
    /** What the host can do, as of the latest read (undefined: everything). */
    caps,
    data,
    original,
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
    tried: (section: SectionData) => tried.has(`${planIndex}/${sectionKey(section)}`),
    commented,
    unwritten,
    writeDone,
    plan,
    originalPlan,
    refresh,
    /** Reads the document again after a write made outside the section form (Progress). */
    reload: () => load(true),
    revert,
    clearHistory,
    goTo,
    runChecks,
    editSection,
    startWrite,
    confirmErrors,
    confirmConsent,
    cancelWrite,
    comment,
    addBlock: addBlockToPlan,
    insertTemplate,
    say,
    narrow,
  };
}
