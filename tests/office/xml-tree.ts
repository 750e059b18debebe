/**
 * A small mutable XML tree for the tests' model of Word (tests/office/word-model.ts): parse a
 * part, change elements in place (objects keep their identity, the way Word's proxies keep
 * pointing at the same paragraph after an edit elsewhere), serialise it back.
 */
export type XText = { kind: "text"; text: string; parent?: XEl };
export type XEl = {
  kind: "el";
  name: string;
  attrs: [string, string][];
  kids: XNode[];
  parent?: XEl;
};
export type XNode = XEl | XText;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function encode(s: string, attr: boolean): string {
  const t = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return attr ? t.replace(/"/g, "&quot;") : t;
}

export function el(name: string, attrs: [string, string][] = [], kids: XNode[] = []): XEl {
  const e: XEl = { kind: "el", name, attrs, kids: [] };
  for (const k of kids) append(e, k);
  return e;
}

export function text(s: string): XText {
  return { kind: "text", text: s };
}

/** Parses one XML document (declaration, comments and processing instructions dropped). */
export function parseTree(xml: string): XEl {
  const root = el("#root");
  let at: XEl = root;
  const re =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) append(at, text(m[1]));
    else if (m[6] !== undefined) {
      if (at !== root) append(at, text(decode(m[6])));
    } else if (m[3] !== undefined) {
      if (m[2] === "/") {
        at = at.parent ?? root;
        continue;
      }
      const attrs: [string, string][] = [];
      const are = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      for (let a = are.exec(m[4] ?? ""); a; a = are.exec(m[4] ?? ""))
        attrs.push([a[1] ?? "", decode(a[3] ?? a[4] ?? "")]);
      const e = el(m[3], attrs);
      append(at, e);
      if (m[5] !== "/") at = e;
    }
  }
  const first = root.kids.find((k): k is XEl => k.kind === "el");
  if (!first) throw new Error("no root element");
  first.parent = undefined;
  return first;
}

export function serialise(n: XNode): string {
  if (n.kind === "text") return encode(n.text, false);
  const attrs = n.attrs.map(([k, v]) => ` ${k}="${encode(v, true)}"`).join("");
  if (n.kids.length === 0) return `<${n.name}${attrs}/>`;
  return `<${n.name}${attrs}>${n.kids.map(serialise).join("")}</${n.name}>`;
}

export function clone(n: XEl): XEl;
export function clone(n: XNode): XNode;
export function clone(n: XNode): XNode {
  if (n.kind === "text") return text(n.text);
  return el(
    n.name,
    n.attrs.map(([k, v]) => [k, v]),
    n.kids.map((k) => clone(k)),
  );
}

export function append(parent: XEl, child: XNode): void {
  detach(child);
  child.parent = parent;
  parent.kids.push(child);
}

export function insertAt(parent: XEl, index: number, ...children: XNode[]): void {
  for (const c of children) detach(c);
  children.forEach((c) => (c.parent = parent));
  parent.kids.splice(index, 0, ...children);
}

export function insertAfter(ref: XNode, ...nodes: XNode[]): void {
  const parent = ref.parent;
  if (!parent) throw new Error("no parent");
  insertAt(parent, parent.kids.indexOf(ref) + 1, ...nodes);
}

export function insertBefore(ref: XNode, ...nodes: XNode[]): void {
  const parent = ref.parent;
  if (!parent) throw new Error("no parent");
  insertAt(parent, parent.kids.indexOf(ref), ...nodes);
}

export function detach(n: XNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.kids.indexOf(n);
  if (i >= 0) p.kids.splice(i, 1);
  n.parent = undefined;
}

export function attr(e: XEl, name: string): string | undefined {
  return e.attrs.find(([k]) => k === name)?.[1];
}

export function setAttr(e: XEl, name: string, value: string): void {
  const a = e.attrs.find(([k]) => k === name);
  if (a) a[1] = value;
  else e.attrs.push([name, value]);
}

export function children(e: XEl, name?: string): XEl[] {
  return e.kids.filter((k): k is XEl => k.kind === "el" && (name === undefined || k.name === name));
}

export function child(e: XEl, name: string): XEl | undefined {
  return children(e, name)[0];
}

/** Every descendant element, in document order. */
export function descendants(e: XEl, name?: string): XEl[] {
  const out: XEl[] = [];
  const walk = (x: XEl) => {
    for (const k of x.kids) {
      if (k.kind !== "el") continue;
      if (name === undefined || k.name === name) out.push(k);
      walk(k);
    }
  };
  walk(e);
  return out;
}

export function ancestors(e: XNode): XEl[] {
  const out: XEl[] = [];
  for (let a = e.parent; a; a = a.parent) out.push(a);
  return out;
}

/** The text content of an element (its text nodes, in order). */
export function textContent(e: XNode): string {
  return e.kind === "text" ? e.text : e.kids.map(textContent).join("");
}
