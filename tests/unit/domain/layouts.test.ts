import { openDocx } from "../../../src/adapters/docx/docx-file";
import { documentContext } from "../../../src/domain/document-context";
import { layoutKinds, layoutOf } from "../../../src/domain/layouts";
import { sectionDefinitionSchema } from "../../../src/domain/template-definition";
import { templates } from "../../../src/templates";
import { templateBytes, templateIds } from "../../helpers/fixtures";

describe("one module per layout", () => {
  it("has a module for every layout a section definition may have", () => {
    const kinds = sectionDefinitionSchema.options.map((o) => o.shape.layout.value).sort();
    expect(layoutKinds().sort()).toEqual(kinds);
  });

  it("registers, for every layout the templates use, a module of that kind", () => {
    for (const t of templates) {
      for (const s of t.sections) expect(layoutOf(s).kind).toBe(s.layout);
    }
  });

  it("recognises, reads, empties and guides every section of every template's replica", () => {
    for (const t of templates) {
      const id = templateIds.find((x) => x === t.id);
      if (!id) throw new Error(`no replica for ${t.id}`);
      const opened = openDocx(templateBytes(id));
      if (!opened.ok) throw new Error(opened.error.message);
      const snapshot = opened.value.read.snapshot;
      const ctx = documentContext();
      const pos = { table: (i: number) => i, paragraph: (i: number) => i };
      for (const s of t.sections) {
        const layout = layoutOf(s);
        const empty = layout.empty(s, ctx);
        expect(empty.fields).toBeDefined();
        if (s.sameTableAs) continue;
        const found = layout.candidates(snapshot, s, pos, ctx);
        expect({ section: s.id, found: found.length > 0 }).toEqual({ section: s.id, found: true });
        const best = found.reduce((a, b) => (b.score > a.score ? b : a));
        const read = layout.read(snapshot, s, best, new Set(), ctx);
        const values = [...(read?.fields ?? []), ...(read?.rows ?? []).flatMap((r) => r.cells)];
        expect({ section: s.id, located: values.some((v) => v.location !== undefined) }).toEqual({
          section: s.id,
          located: true,
        });
        // A field whose definition quotes guidance gets it through its layout.
        const defined = [
          ...("fields" in s ? s.fields : []),
          ...(s.layout === "rows" ? s.columns : []),
          ...(s.layout === "fixed-rows" ? s.rows : []),
        ].some((f) => f.guidance !== undefined);
        const guided = values.some((v) => layout.fieldGuidance(s, v.id) !== undefined);
        expect({ section: s.id, guided }).toEqual({ section: s.id, guided: defined });
      }
    }
  });
});
