/**
 * The slices of Word's API the writer, revert and reader use are satisfied by the real Word API's
 * types (`@types/office-js`), so the adapters call only what Word has, with the arguments it takes.
 * The assignments below are checked by the type checker (`npm run typecheck`); the test makes sure
 * the functions that bridge them are what the pane hands to the adapters.
 */
import type { WordPaneHost } from "../../src/adapters/office/office-revert";
import type {
  WBody,
  WCell,
  WContext,
  WParagraph,
  WTable,
} from "../../src/adapters/office/word-api";

/** Word's own objects, as the writer's slice: a type error here means the slice asks too much. */
function asSlice(context: Word.RequestContext) {
  const body: WBody = context.document.body;
  const table: WTable = context.document.body.tables.getFirst();
  const cell: WCell = table.getCellOrNullObject(0, 0);
  const paragraph: WParagraph = cell.body.paragraphs.getFirst();
  const whole: WContext = context;
  return { body, table, cell, paragraph, whole };
}

/** The pane's write host over `Word.run`, as src/taskpane/index.tsx builds it. */
function paneHost(run: typeof Word.run): WordPaneHost {
  return {
    run: (batch) => run((context: Word.RequestContext) => batch(context)),
    isSetSupported: () => true,
  };
}

describe("the Word API slices", () => {
  it("are met by Word's own request context, tables, cells and paragraphs", () => {
    // Runs the bridge with a stand-in `run` that hands over a context object: the batch receives
    // it unchanged.
    const seen: unknown[] = [];
    const context = { marker: "context" } as unknown as Word.RequestContext;
    const run = ((batch: (c: Word.RequestContext) => Promise<unknown>) =>
      batch(context)) as unknown as typeof Word.run;
    void paneHost(run).run(async (c) => {
      seen.push(c);
    });
    expect(seen).toEqual([context]);
    expect(typeof asSlice).toBe("function");
  });
});
