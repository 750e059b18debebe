/**
 * The batch loop the command checks files with in one thread: files read and checked a few at a
 * time, results in the order given whatever order the reads finish in, one progress call per file,
 * and a file that cannot be read reported without stopping the others.
 */
import { checkBatch, type BatchInput } from "../../src/app/check";
import { templateBytes, templateIds } from "../helpers/fixtures";

describe("checkBatch", () => {
  it("keeps the input order when reads finish in another order, and reports each file done", async () => {
    const ids = [...templateIds, ...templateIds];
    let pending = ids.length;
    // Each read waits until every read has started, then the later files finish first.
    const started: (() => void)[] = [];
    const inputs: BatchInput[] = ids.map((id, i) => ({
      name: `${i}-${id}.docx`,
      read: () =>
        new Promise<Uint8Array>((resolve) => {
          started.push(() => resolve(templateBytes(id)));
          pending--;
          if (pending === 0 || started.length === 3)
            started
              .splice(0)
              .reverse()
              .forEach((f) => f());
        }),
    }));
    const progress: [number, number][] = [];
    const items = await checkBatch(inputs, {
      currentDate: "2026-01-15",
      concurrency: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(items.map((i) => i.name)).toEqual(inputs.map((i) => i.name));
    // Each result is its own file's (the blank templates recognised as themselves).
    expect(items.map((i) => i.ok && i.check.recognition.template)).toEqual(ids);
    expect(progress).toEqual(ids.map((_, k) => [k + 1, ids.length]));
  });

  it("reports a file that cannot be read and checks the others", async () => {
    const missing = Object.assign(new Error("gone"), { code: "ENOENT" });
    const items = await checkBatch(
      [
        { name: "a.docx", read: async () => templateBytes("ddtt-action-plan") },
        { name: "gone.docx", read: () => Promise.reject(missing) },
        { name: "b.docx", read: async () => templateBytes("clna") },
      ],
      { currentDate: "2026-01-15", concurrency: 2 },
    );
    expect(items.map((i) => [i.name, i.ok])).toEqual([
      ["a.docx", true],
      ["gone.docx", false],
      ["b.docx", true],
    ]);
    const gone = items[1]!;
    expect(!gone.ok && gone.error.code).toBe("file_unreadable");
    expect(items[2]!.ok && items[2]!.check.recognition.template).toBe("clna");
  });
});
