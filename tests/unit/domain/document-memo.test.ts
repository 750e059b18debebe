import { DocumentMemo, startDocument } from "../../../src/domain/parse/document-memo";

describe("memos kept for one document", () => {
  it("keeps answers while one document is worked on and forgets them when another starts", () => {
    const a = {};
    const b = {};
    const memo = new DocumentMemo<number>();
    startDocument(a);
    memo.set("text", 1);
    expect(memo.get("text")).toBe(1);
    startDocument(a); // the same document again: answers stay
    expect(memo.get("text")).toBe(1);
    startDocument(b);
    expect(memo.get("text")).toBeUndefined();
    memo.set("text", 2);
    startDocument(a); // back to the first: its old answers are not brought back
    expect(memo.get("text")).toBeUndefined();
  });

  it("works an answer out once per document with `of`", () => {
    const a = {};
    const b = {};
    const memo = new DocumentMemo<string>();
    const asked: string[] = [];
    const upper = (text: string) => {
      asked.push(text);
      return text.toUpperCase();
    };
    startDocument(a);
    expect(memo.of("owner", upper)).toBe("OWNER");
    expect(memo.of("owner", upper)).toBe("OWNER");
    expect(asked).toEqual(["owner"]);
    startDocument(b);
    expect(memo.of("owner", upper)).toBe("OWNER");
    expect(asked).toEqual(["owner", "owner"]);
  });

  it("takes objects of the document as keys", () => {
    const doc = {};
    const table = { rows: [] };
    const memo = new DocumentMemo<string, object>();
    startDocument(doc);
    memo.set(table, "cleaned");
    expect(memo.get(table)).toBe("cleaned");
    expect(memo.get({ rows: [] })).toBeUndefined();
  });

  it("stays bounded when no document is ever started", () => {
    const memo = new DocumentMemo<number>(3);
    for (let i = 0; i < 3; i++) memo.set(`t${i}`, i);
    expect(memo.get("t2")).toBe(2);
    memo.set("t3", 3); // over the limit: the memo starts again
    expect(memo.get("t0")).toBeUndefined();
    expect(memo.get("t3")).toBe(3);
  });
});
