import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Location } from "../../domain/snapshot";
import { isSymbolFont, symbolGlyph } from "../../ooxml/glyphs";
import { useDocumentViewStyles } from "./DocumentView.styles";

type DocumentViewProps = { readonly bytes: Uint8Array; readonly fileName: string };

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

/** The first family of a CSS font-family list, unquoted ("'Wingdings 2', serif" is "Wingdings 2"). */
function firstFamily(fontFamily: string): string {
  return (fontFamily.split(",")[0] ?? "").trim().replace(/^["']|["']$/g, "");
}

/**
 * Symbol-font characters (Wingdings circles and boxes) drawn as the Unicode glyphs they picture:
 * the browser has no Wingdings, and would show "¡" and "l" for the rating circles. Returns how
 * many characters were replaced.
 */
function drawSymbolGlyphs(root: HTMLElement): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const changes: { node: Text; text: string; parent: HTMLElement }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    const parent = node.parentElement;
    // Marks are a character or two in a run of their own; skip ordinary text quickly.
    if (!parent || text.trim().length === 0 || text.length > 4) continue;
    const family = firstFamily(
      parent.style.fontFamily ||
        root.ownerDocument.defaultView?.getComputedStyle(parent).fontFamily ||
        "",
    );
    if (!isSymbolFont(family)) continue;
    const drawn = [...text].map((ch) => symbolGlyph(family, ch.charCodeAt(0))?.char ?? ch).join("");
    if (drawn !== text) changes.push({ node, text: drawn, parent });
  }
  for (const c of changes) {
    c.node.data = c.text;
    c.parent.style.fontFamily = "inherit";
  }
  return changes.length;
}

/** List bullets Word draws from symbol fonts, by font and character code (plain form). */
const bulletGlyphs: Record<string, Record<number, string>> = {
  symbol: { 0xb7: "•", 0xa7: "▪", 0x6f: "○" },
  wingdings: { 0xa7: "▪", 0xd8: "➢", 0x76: "❖", 0xfc: "✓", 0x71: "❑", 0x6e: "■", 0x6c: "●" },
};

function bulletChar(font: string, ch: string): string {
  const code = ch.charCodeAt(0);
  const plain = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  return bulletGlyphs[font.toLowerCase()]?.[plain] ?? symbolGlyph(font, code)?.char ?? ch;
}

/**
 * List bullets in the rendering's style sheets: docx-preview writes them as CSS `content` in the
 * list's symbol font, which the browser does not have. Each becomes the glyph it pictures.
 */
function drawSymbolBullets(styleHost: HTMLElement): void {
  for (const style of styleHost.querySelectorAll("style")) {
    const css = style.textContent ?? "";
    if (!/font-family:\s*['"]?(symbol|wingdings)/i.test(css)) continue;
    style.textContent = css.replace(/\{[^}]*\}/g, (block) => {
      const font = /font-family:\s*([^;}]+)/i.exec(block);
      const family = font ? firstFamily(font[1] ?? "") : "";
      if (!isSymbolFont(family)) return block;
      return block
        .replace(/content:\s*"([^"]*)"/, (_m, text: string) => {
          const drawn = [...text].map((ch) => bulletChar(family, ch)).join("");
          return `content: "${drawn}"`;
        })
        .replace(/font-family:\s*[^;}]+/i, "font-family: inherit");
    });
  }
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
        .then(() => {
          if (cancelled) return;
          drawSymbolGlyphs(pages);
          drawSymbolBullets(styleHost);
          setState("ready");
        })
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
