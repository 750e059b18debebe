import {
  Button,
  FluentProvider,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  useId,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { PlanSession } from "../../app/plan-session";
import { PaneRoot } from "../../taskpane/components/PaneRoot/PaneRoot";
import { domainServices } from "../../taskpane/domain-services";
import { currentThemeName, themes, type ThemeName } from "../../taskpane/theme";
import { DocumentView } from "../DocumentView/DocumentView";
import { PreviewDocument, previewBlankTemplate } from "../preview-document";
import type { FirstSample } from "../first-sample";
import { loadSample, samples } from "../samples";
import { usePreviewAppStyles } from "./PreviewApp.styles";

type Opened = { readonly id: number; readonly name: string; readonly doc: PreviewDocument };

/** A file that could not be read: its name and why, shown once, with the view cleared. */
type Unreadable = { readonly name: string; readonly message: string };

/**
 * The name Download suggests: the file's own name with " filled" before the extension, never the
 * blank template's (a downloaded copy does not overwrite the original by accident).
 */
function downloadName(name: string): string {
  const m = /^(.*?)(\.(?:docx|docm|dotx))?$/i.exec(name);
  const base = (m?.[1] ?? name).replace(/ filled( \d+)?$/, "") || "plan";
  return `${base} filled.docx`;
}

const params = new URLSearchParams(window.location.search);

const sampleProblem = "The sample could not be loaded. Open a .docx file instead.";

type PreviewAppProps = {
  /** The sample the page opens with, fetched before the first render (see first-sample.ts). */
  readonly first?: FirstSample;
};

/** The Sample menu's value while a file of the person's own is open (no sample has this id). */
const ownFile = "";

/** The browser preview: a .docx rendered beside the same task pane, running on the .docx adapter. */
export function PreviewApp({ first }: PreviewAppProps = {}) {
  const styles = usePreviewAppStyles();
  const [theme, setTheme] = useState<ThemeName>(
    () => (params.get("theme") as ThemeName | null) ?? currentThemeName(),
  );
  // The sample the page opens with, when it was fetched before this first render.
  const [opened, setOpened] = useState<Opened | undefined>(() =>
    first && first !== "failed"
      ? { id: 1, name: first.sample.fileName, doc: new PreviewDocument(first.data) }
      : undefined,
  );
  const [bytes, setBytes] = useState<Uint8Array | undefined>(() =>
    first && first !== "failed" ? first.data : undefined,
  );
  const [problem, setProblem] = useState<string | undefined>(() =>
    first === "failed" ? sampleProblem : undefined,
  );
  const [unreadable, setUnreadable] = useState<Unreadable | undefined>();
  const [dragging, setDragging] = useState(false);
  /** Entries typed in the pane and not yet written (opening another file asks first). */
  const unwritten = useRef(false);
  const [sample, setSample] = useState(() => params.get("sample") ?? samples[0]?.template ?? "");
  const fileInput = useRef<HTMLInputElement>(null);
  const counter = useRef(opened ? opened.id : 0);
  const themeId = useId("theme");
  const sampleId = useId("sample");
  const downloadWhyId = useId("download-why");

  /** Whether the person agrees to throw away entries typed and not written. */
  const mayLeave = () =>
    !unwritten.current ||
    window.confirm("Entries typed in the pane are not written to the document yet. Discard them?");

  /**
   * Opens a document. The guarded reader decides first: a file it refuses (not a .docx, damaged,
   * a zip bomb) never reaches the renderer; the view is cleared and one message says why.
   */
  const open = async (name: string, data: Uint8Array) => {
    const doc = new PreviewDocument(data);
    const read = await doc.read();
    counter.current += 1;
    unwritten.current = false;
    if (!read.ok) {
      setOpened(undefined);
      setBytes(undefined);
      setProblem(undefined);
      setUnreadable({ name, message: read.error.message });
      return;
    }
    setUnreadable(undefined);
    setOpened({ id: counter.current, name, doc });
    setBytes(data);
    setProblem(undefined);
  };

  const openSample = (template: string) => {
    const s = samples.find((x) => x.template === template);
    if (!s || !mayLeave()) return;
    setSample(template);
    loadSample(s).then(
      (data) => open(s.fileName, data),
      () => setProblem(sampleProblem),
    );
  };

  const openFile = async (file: File) => {
    if (!mayLeave()) return;
    await open(file.name, new Uint8Array(await file.arrayBuffer()));
    // The Sample menu no longer names a sample: it says the person's own file is open.
    setSample(ownFile);
  };

  useEffect(() => {
    // Without a sample fetched before the first render (a test renders the page on its own).
    if (first === undefined && params.get("empty") === null) openSample(sample);
    // Only once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => (opened ? opened.doc.onChange(setBytes) : undefined), [opened]);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
    // `openFile` only sets state, so the listeners set up once stay right.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const session = useMemo(
    () =>
      opened
        ? new PlanSession({
            document: opened.doc,
            services: { ...domainServices(), blankTemplate: previewBlankTemplate },
          })
        : undefined,
    [opened],
  );

  const download = () => {
    if (!opened) return;
    const blob = new Blob([opened.doc.bytes() as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = downloadName(opened.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const paneWidth = params.get("paneWidth");
  const bodyStyle = (
    paneWidth ? { "--pane-width": `${Number(paneWidth)}px` } : {}
  ) as CSSProperties;

  return (
    <FluentProvider theme={themes[theme]}>
      <div className={styles.root}>
        <section className={styles.bar} aria-label="Preview controls">
          <h1 className={styles.title}>PlanAssist preview</h1>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".docx,.docm,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="Open a Word document"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
              e.target.value = "";
            }}
          />
          <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
            Open .docx…
          </Button>
          <div className={styles.inline}>
            <Label htmlFor={sampleId}>Sample</Label>
            <Select
              id={sampleId}
              className={styles.select}
              value={sample}
              onChange={(_, d) => openSample(d.value)}
            >
              {sample === ownFile ? (
                <option value={ownFile}>
                  {opened ? `Your file: ${opened.name}` : "Your file"}
                </option>
              ) : null}
              {samples.map((s) => (
                <option key={s.template} value={s.template}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={!opened}
            onClick={download}
            aria-describedby={opened ? undefined : downloadWhyId}
          >
            Download
          </Button>
          {opened ? null : (
            <span id={downloadWhyId} className={styles.why}>
              {unreadable
                ? "Download is off: the file could not be read."
                : "Download is off until a document is open."}
            </span>
          )}
          <div className={styles.inline}>
            <Label htmlFor={themeId}>Theme</Label>
            <Select id={themeId} value={theme} onChange={(_, d) => setTheme(d.value as ThemeName)}>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
              <option value="high-contrast">High contrast</option>
            </Select>
          </div>
          <span className={styles.spacer} />
          <span className={styles.fileName}>
            {opened ? opened.name : unreadable ? unreadable.name : "No document"} · stays on this
            computer
          </span>
        </section>
        <div className={styles.body} style={bodyStyle}>
          {bytes && opened ? (
            <DocumentView bytes={bytes} fileName={opened.name} />
          ) : (
            <div>{problem || unreadable ? null : <Spinner label="Loading the sample…" />}</div>
          )}
          <div className={styles.pane} data-testid="pane">
            {problem ? (
              <MessageBar intent="error">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            ) : null}
            {unreadable ? (
              <MessageBar intent="error" layout="multiline" className={styles.unreadable}>
                <MessageBarBody>
                  <MessageBarTitle>{unreadable.name} could not be read</MessageBarTitle>
                  {unreadable.message}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {session && opened ? (
              <PaneRoot
                key={opened.id}
                session={session}
                theme={theme}
                onUnwrittenChange={(u) => {
                  unwritten.current = u;
                }}
              />
            ) : null}
          </div>
        </div>
        {dragging ? <div className={styles.drop}>Drop a .docx to open it</div> : null}
      </div>
    </FluentProvider>
  );
}
