/**
 * Bold and italic from the styles part, so a label that is bold through its style ("Strong",
 * a heading) reads as bold just like one with direct formatting.
 */
import { attr, type XmlDocument, type XmlElement } from "./xml";
import { wordNames, wordPrefix } from "./wordml";

type StyleEmphasis = { readonly bold?: boolean; readonly italic?: boolean };

export interface StyleSheet {
  paragraphStyle(id: string | undefined): StyleEmphasis | undefined;
  characterStyle(id: string | undefined): StyleEmphasis | undefined;
}

type RawStyle = { basedOn?: string; bold?: boolean; italic?: boolean };

export function readStyles(doc: XmlDocument): StyleSheet {
  const { prefix } = wordPrefix(doc.root);
  const n = wordNames(prefix, doc.names);
  const paragraph = new Map<string, RawStyle>();
  const character = new Map<string, RawStyle>();
  let defaultParagraph: string | undefined;
  for (const st of doc.root.children) {
    if (st.kind !== "element" || st.name !== n.q("style")) continue;
    const id = attr(st, n.q("styleId"));
    if (id === undefined) continue;
    const type = attr(st, n.q("type"));
    const raw: RawStyle = {};
    for (const ch of st.children) {
      if (ch.kind !== "element") continue;
      if (ch.name === n.q("basedOn")) {
        const v = attr(ch, n.val);
        if (v !== undefined) raw.basedOn = v;
      } else if (ch.name === n.rPr) {
        const b = child(ch, n.b);
        const i = child(ch, n.i);
        if (b) raw.bold = on(b, n.val);
        if (i) raw.italic = on(i, n.val);
      }
    }
    if (type === "paragraph") {
      paragraph.set(id, raw);
      if (attr(st, n.q("default")) === "1") defaultParagraph = id;
    } else if (type === "character") character.set(id, raw);
  }
  const resolve = (
    map: Map<string, RawStyle>,
    id: string | undefined,
  ): StyleEmphasis | undefined => {
    let bold: boolean | undefined;
    let italic: boolean | undefined;
    const seen = new Set<string>();
    for (let cur = id; cur !== undefined && !seen.has(cur);) {
      seen.add(cur);
      const s = map.get(cur);
      if (!s) break;
      if (bold === undefined && s.bold !== undefined) bold = s.bold;
      if (italic === undefined && s.italic !== undefined) italic = s.italic;
      cur = s.basedOn;
    }
    if (bold === undefined && italic === undefined) return undefined;
    const out: { bold?: boolean; italic?: boolean } = {};
    if (bold !== undefined) out.bold = bold;
    if (italic !== undefined) out.italic = italic;
    return out;
  };
  return {
    paragraphStyle: (id) => resolve(paragraph, id ?? defaultParagraph),
    characterStyle: (id) => (id === undefined ? undefined : resolve(character, id)),
  };
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === "element" && c.name === name) return c;
  return undefined;
}

function on(el: XmlElement, valName: string): boolean {
  const v = attr(el, valName);
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}
