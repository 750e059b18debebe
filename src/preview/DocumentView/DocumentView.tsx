import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Location } from "../../domain/snapshot";
import { useDocumentViewStyles } from "./DocumentView.styles";

export type DocumentViewProps = { readonly bytes: Uint8Array; readonly fileName: string };

/** The cell element the rendering shows for a location (tables in document order, nested ones included). */
function elementFor(root: HTMLElement, location: Location): HTMLElement | undefined {
  if (location.kind === "cell") {
    const table = root.querySelectorAll("table")[location.table];
    const row = table?.rows[location.row];
    return (row?.cells[location.cell] as HTMLElement | undefined) ?? table ?? undefined;
  }
  const paragraphs = [...root.querySelectorAll("section p")].filter((p) => !p.closest("table"));
  return paragraphs[location.paragraph] as HTMLElement | undefined;
}

/** Runs `task` when the page is next idle (at the latest after `timeout` ms); returns a cancel. */
function whenIdle(task: () => void, timeout = 1500): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 0);
  return () => window.clearTimeout(id);
}

/**
 * The document rendered as pages with docx-preview, loaded on demand. The renderer builds the
 * page from elements and text nodes, so text in the document is shown as text, never as markup.
 */
export function DocumentView({ bytes, fileName }: DocumentViewProps) {
  const styles = useDocumentViewStyles();
  const pagesRef = useRef<HTMLDivElement>(null);
  const styleRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"rendering" | "ready" | "failed">("rendering");

  useEffect(() => {
    let cancelled = false;
    const pages = pagesRef.current;
    const styleHost = styleRef.current;
    if (!pages || !styleHost) return;
    setState("rendering");
    // The pane comes first: the rendering (a chunk of its own and much work on the page) starts
    // once the page is idle, so the pane's first screen is not kept waiting behind it.
    const render = () =>
      import("docx-preview")
        .then((docx) =>
          docx.renderAsync(bytes, pages, styleHost, {
            className: "docx",
            inWrapper: true,
            breakPages: true,
            useBase64URL: true,
            renderHeaders: true,
            renderFooters: true,
            renderComments: false,
            experimental: false,
          }),
        )
        .then(() => !cancelled && setState("ready"))
        .catch(() => !cancelled && setState("failed"));
    const cancelIdle = whenIdle(() => {
      if (!cancelled) void render();
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [bytes]);

  useEffect(() => {
    const onGoTo = (e: Event) => {
      const root = pagesRef.current;
      const location = (e as CustomEvent<Location>).detail;
      if (!root || !location) return;
      root
        .querySelectorAll(".planassist-target")
        .forEach((el) => el.classList.remove("planassist-target"));
      const target = elementFor(root, location);
      if (!target) return;
      target.classList.add("planassist-target");
      target.scrollIntoView({ block: "center", behavior: "smooth" });
    };
    window.addEventListener("planassist:goto", onGoTo);
    return () => window.removeEventListener("planassist:goto", onGoTo);
  }, []);

  return (
    <div className={styles.root} role="region" aria-label={`Document: ${fileName}`} tabIndex={0}>
      {state === "rendering" ? (
        <Spinner className={styles.status} size="small" label="Rendering the document…" />
      ) : null}
      {state === "failed" ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            The document could not be shown here, but the pane can still read and fill it.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div ref={styleRef} />
      <div ref={pagesRef} className={styles.pages} data-testid="document-pages" />
    </div>
  );
}
