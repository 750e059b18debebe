import {
  insertTemplateInWord,
  toBase64,
  type WordInsertHost,
} from "../../src/adapters/office/office-insert";
import { templateBytes } from "../helpers/fixtures";

/** A fake Word body whose text changes when a file is inserted, counting round trips. */
function fakeWord(initialText: string, fail?: { code: string }) {
  const state = {
    text: initialText,
    syncs: 0,
    inserted: [] as string[],
    pending: [] as (() => void)[],
  };
  const body = {
    text: "",
    load: () => {
      state.pending.push(() => {
        body.text = state.text;
      });
    },
    insertFileFromBase64: (b64: string) => {
      state.pending.push(() => {
        if (fail) throw Object.assign(new Error(fail.code), { code: fail.code });
        state.inserted.push(b64);
        state.text = "Action Plan Template 5.3.1T";
      });
    },
  };
  const host: WordInsertHost = {
    run: (batch) =>
      batch({
        document: { body },
        sync: async () => {
          state.syncs++;
          const work = state.pending.splice(0);
          for (const w of work) w();
        },
      }),
  };
  return { host, state };
}

describe("inserting a blank template in Word", () => {
  const bytes = templateBytes("ddtt-action-plan");

  it("inserts the template's file into an empty document in two round trips", async () => {
    const { host, state } = fakeWord("  \n");
    const r = await insertTemplateInWord(host, bytes);
    expect(r.ok && r.value.bodyLength).toBeGreaterThan(0);
    expect(state.syncs).toBe(2);
    expect(state.inserted).toEqual([Buffer.from(bytes).toString("base64")]);
  });

  it("refuses a document that already holds text and leaves it alone", async () => {
    const { host, state } = fakeWord("Our own notes");
    const r = await insertTemplateInWord(host, bytes);
    expect(r.ok ? "" : r.error.code).toBe("document_not_empty");
    expect(state.inserted).toEqual([]);
    expect(state.text).toBe("Our own notes");
  });

  it("says plainly when Word refuses the change", async () => {
    const { host } = fakeWord("", { code: "AccessDenied" });
    const r = await insertTemplateInWord(host, bytes);
    expect(r.ok ? "" : r.error.code).toBe("office_read_only");
    expect(r.ok ? "" : r.error.message).toMatch(/read-only/);
  });

  it("encodes large files the same as Node's base64", () => {
    const big = templateBytes("clna");
    expect(toBase64(big)).toBe(Buffer.from(big).toString("base64"));
  });
});
