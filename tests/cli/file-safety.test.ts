/**
 * The command line never loses a file and never hangs on one: outputs are never an input (by
 * device and inode, through links too) nor an existing file without --force; every write is
 * atomic (a failing write or a kill part-way leaves the old file); pipes, devices, sockets and
 * folders named x.docx are refused at once; sizes are checked before reading.
 */
import { spawn, spawnSync } from "child_process";
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "fs";
import net from "net";
import { tmpdir } from "os";
import path from "path";
import { collectFiles } from "../../src/cli/check.command";
import { nodeWriteOps, readRegularFile, writeFileAtomic, type WriteOps } from "../../src/cli/files";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { readDocument } from "../../src/domain/plan-reader";
import { templates } from "../../src/templates";
import { templateBytes } from "../helpers/fixtures";
import { snapshotOf } from "../writeback/helpers";
import { bundleCli, realIo, withField } from "./cli-helpers";

// Each test runs whole commands on real files; on a loaded machine that can take seconds.
jest.setTimeout(60_000);

const ddtt = templateBytes("ddtt-action-plan");

/** Plan data for the DDTT replica with the school name filled in. */
function planJson(): string {
  const data = readDocument(snapshotOf(ddtt), templates).data;
  return JSON.stringify(withField(data, "plan-header", "district-school-name", "Springfield"));
}

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), "planassist-safety-"));
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+/);

describe("an output is never one of the inputs", () => {
  it("check --out naming the input is refused and the plan is untouched", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    writeFileSync(plan, ddtt);
    const m = realIo();
    expect(await main(["check", plan, "--out", plan, "--today", "2026-09-01"], m.io)).toBe(2);
    expect(m.err()).toContain("output_is_input");
    expect(new Uint8Array(readFileSync(plan))).toEqual(ddtt);
  });

  it("fill --out through a symbolic link or a hard link to the input is refused", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    writeFileSync(plan, ddtt);
    writeFileSync(path.join(dir, "plan.json"), planJson());
    symlinkSync(plan, path.join(dir, "link.docx"));
    linkSync(plan, path.join(dir, "hard.docx"));
    for (const out of ["link.docx", "hard.docx"]) {
      const m = realIo();
      const args = ["fill", plan, "--data", path.join(dir, "plan.json"), "--out"];
      expect(await main([...args, path.join(dir, out), "--force"], m.io)).toBe(2);
      expect(m.err()).toContain("output_is_input");
      expect(m.err()).toContain("the same file as the input");
    }
    expect(new Uint8Array(readFileSync(plan))).toEqual(ddtt);
  });

  it("fill --out naming the plan data file is refused", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    const data = path.join(dir, "plan.json");
    writeFileSync(plan, ddtt);
    writeFileSync(data, planJson());
    const m = realIo();
    expect(await main(["fill", plan, "--data", data, "--out", data, "--force"], m.io)).toBe(2);
    expect(m.err()).toContain("output_is_input");
    expect(readFileSync(data, "utf8")).toBe(planJson());
  });

  it("--annotate never writes over an input that carries a copy's name", async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, "reviewed"));
    // A blank DDTT has findings, so it would get an annotated copy named plan.annotated.docx.
    writeFileSync(path.join(dir, "plan.docx"), ddtt);
    const victim = path.join(dir, "reviewed", "plan.annotated.docx");
    writeFileSync(victim, ddtt);
    const m = realIo();
    await main(
      [
        "check",
        path.join(dir, "plan.docx"),
        victim,
        "--annotate",
        path.join(dir, "reviewed"),
        "--force",
        "--today",
        "2026-09-01",
      ],
      m.io,
    );
    expect(m.err()).toContain("output_is_input");
    expect(new Uint8Array(readFileSync(victim))).toEqual(ddtt);
  });

  it("an existing output is kept unless --force (or --replace for revert) is given", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    const data = path.join(dir, "plan.json");
    const out = path.join(dir, "out.docx");
    writeFileSync(plan, ddtt);
    writeFileSync(data, planJson());
    writeFileSync(out, "keep me");
    const m = realIo();
    expect(await main(["fill", plan, "--data", data, "--out", out], m.io)).toBe(2);
    expect(m.err()).toContain("output_exists");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(await main(["fill", plan, "--data", data, "--out", out, "--force"], realIo().io)).toBe(
      0,
    );
    expect(readFileSync(out, "utf8")).not.toBe("keep me");
    const back = path.join(dir, "back.docx");
    writeFileSync(back, "keep me too");
    const r = realIo();
    expect(await main(["revert", out, "--out", back], r.io)).toBe(2);
    expect(r.err()).toContain("output_exists");
    expect(await main(["revert", out, "--out", back, "--replace"], realIo().io)).toBe(0);
    expect(r.err()).not.toContain("internal_error");
  });

  it("refuses to write the report over a folder or a device", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    writeFileSync(plan, ddtt);
    for (const out of [dir, "/dev/null"]) {
      const m = realIo();
      expect(await main(["check", plan, "--out", out, "--force"], m.io)).toBe(2);
      expect(m.err()).toContain("output_refused");
    }
    expect(existsSync("/dev/null")).toBe(true);
  });

  it("--in-place through a symbolic link writes the file the link points to and keeps the link", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    const link = path.join(dir, "link.docx");
    writeFileSync(plan, ddtt);
    writeFileSync(path.join(dir, "plan.json"), planJson());
    symlinkSync(plan, link);
    const m = realIo();
    expect(
      await main(["fill", link, "--data", path.join(dir, "plan.json"), "--in-place"], m.io),
    ).toBe(0);
    const filled = new Uint8Array(readFileSync(plan));
    expect(filled).not.toEqual(ddtt);
    expect(
      readDocument(snapshotOf(filled), templates).data.plans[0]!.sections[0]!.fields[0]!.value,
    ).toBe("Springfield");
    expect(readdirSync(dir).sort()).toEqual(["link.docx", "plan.docx", "plan.json"]);
  });
});

describe("writes are atomic", () => {
  /** Write operations whose writes fail with `code` once `after` bytes are written. */
  function failingOps(code: string, after: number): WriteOps {
    return {
      ...nodeWriteOps,
      open: async (file, flags, mode) => {
        const h = await nodeWriteOps.open(file, flags, mode);
        let written = 0;
        return {
          ...h,
          write: async (data, offset, length) => {
            if (written + length > after) {
              const part = Math.max(0, after - written);
              if (part > 0) await h.write(data, offset, part);
              throw Object.assign(new Error(`${code}: failed`), { code });
            }
            written += length;
            return h.write(data, offset, length);
          },
        };
      },
    };
  }

  it("a full disk part-way leaves the old file whole and no temporary file behind", async () => {
    const dir = freshDir();
    const file = path.join(dir, "plan.docx");
    writeFileSync(file, ddtt);
    const bigger = new Uint8Array(3 * 1024 * 1024).fill(7);
    await expect(writeFileAtomic(file, bigger, failingOps("ENOSPC", 1_500_000))).rejects.toThrow(
      "ENOSPC",
    );
    expect(new Uint8Array(readFileSync(file))).toEqual(ddtt);
    expect(readdirSync(dir)).toEqual(["plan.docx"]);
  });

  it("a failing rename leaves the old file and removes the temporary one", async () => {
    const dir = freshDir();
    const file = path.join(dir, "report.txt");
    writeFileSync(file, "old report");
    const ops: WriteOps = {
      ...nodeWriteOps,
      rename: async () => {
        throw Object.assign(new Error("EIO"), { code: "EIO" });
      },
    };
    await expect(writeFileAtomic(file, "new report", ops)).rejects.toThrow("EIO");
    expect(readFileSync(file, "utf8")).toBe("old report");
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  it("a command whose write fails says so in a sentence and exits 2", async () => {
    const dir = freshDir();
    const plan = path.join(dir, "plan.docx");
    const data = path.join(dir, "plan.json");
    const out = path.join(dir, "out.docx");
    writeFileSync(plan, ddtt);
    writeFileSync(data, planJson());
    writeFileSync(out, "old");
    const m = realIo();
    const io: CliIo = {
      ...m.io,
      writeFile: (p, d) => writeFileAtomic(p, d, failingOps("ENOSPC", 2_000)),
    };
    expect(await main(["fill", plan, "--data", data, "--out", out, "--force"], io)).toBe(2);
    expect(m.err()).toContain("write_failed");
    expect(m.err()).toContain("the disk is full");
    noStack(m.err());
    expect(readFileSync(out, "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["out.docx", "plan.docx", "plan.json"]);
  });

  it("a kill -9 in the middle of a write leaves the old file, complete", async () => {
    const dir = freshDir();
    const { bundle } = await bundleCli(dir, "src/cli/files.ts");
    const file = path.join(dir, "plan.docx");
    writeFileSync(file, ddtt);
    // The child writes 8 MB in 1 MB steps and stops for good after the third, telling the parent.
    const script = `
      const { writeFileAtomic, nodeWriteOps } = require(${JSON.stringify(bundle)});
      let steps = 0;
      const ops = { ...nodeWriteOps, open: async (f, fl, m) => {
        const h = await nodeWriteOps.open(f, fl, m);
        return { ...h, write: async (d, o, l) => {
          const r = await h.write(d, o, l);
          if (++steps === 3) { process.stdout.write("halfway\\n"); await new Promise(() => setInterval(() => {}, 1000)); }
          return r;
        } };
      } };
      writeFileAtomic(${JSON.stringify(file)}, new Uint8Array(8 * 1024 * 1024).fill(1), ops);
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("halfway")) resolve();
      });
      child.on("exit", () => reject(new Error("the child ended before the write was half done")));
    });
    // The temporary file is there, partly written, beside the target.
    const temps = readdirSync(dir).filter((n) => n.endsWith(".tmp"));
    expect(temps).toHaveLength(1);
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(new Uint8Array(readFileSync(file))).toEqual(ddtt);
  }, 60_000);
});

describe("inputs that are not files are refused at once", () => {
  it("a named pipe, a device, a socket and a folder named x.docx each get their own error, in a batch", async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, "a-good.docx"), ddtt);
    expect(spawnSync("mkfifo", [path.join(dir, "b-pipe.docx")]).status).toBe(0);
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(path.join(dir, "c-socket.docx"), r));
    mkdirSync(path.join(dir, "d-folder.docx"));
    try {
      const m = realIo();
      const code = await main(
        [
          "check",
          path.join(dir, "a-good.docx"),
          path.join(dir, "b-pipe.docx"),
          path.join(dir, "c-socket.docx"),
          "/dev/zero",
          "--format",
          "json",
          "--today",
          "2026-09-01",
        ],
        m.io,
      );
      expect(code).toBe(2);
      const report = JSON.parse(m.out()) as {
        files: { path: string; error?: { code: string; message: string } }[];
      };
      const byName = new Map(report.files.map((f) => [path.basename(f.path), f.error]));
      expect(byName.get("a-good.docx")).toBeUndefined();
      expect(byName.get("b-pipe.docx")?.message).toContain("a named pipe (FIFO), not a file");
      expect(byName.get("c-socket.docx")?.message).toContain("a socket, not a file");
      expect(byName.get("zero")?.message).toContain("a device, not a file");

      const folder = realIo();
      expect(await main(["inspect", path.join(dir, "d-folder.docx")], folder.io)).toBe(2);
      expect(folder.err()).toContain("file_unreadable");
      const pipe = realIo();
      expect(await main(["inspect", path.join(dir, "b-pipe.docx")], pipe.io)).toBe(2);
      expect(pipe.err()).toContain("named pipe");
      const fill = realIo();
      const args = ["fill", path.join(dir, "b-pipe.docx"), "--data", path.join(dir, "x.json")];
      expect(await main([...args, "--out", path.join(dir, "o.docx")], fill.io)).toBe(2);
      expect(fill.err()).toContain("named pipe");
    } finally {
      server.close();
    }
  });

  it("a folder found in a walk is listed as it is; a folder that cannot be listed is not 'missing'", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const found = await collectFiles(["/nonexistent-planassist", "."], async () => {
      throw denied;
    });
    expect(found.missing).toEqual(["/nonexistent-planassist"]);
    expect(found.problems).toHaveLength(1);
    expect(found.problems[0]!.error.message).toContain("cannot be listed: permission denied");
  });

  it("checks the size before reading: a file past the limit is refused without being read", async () => {
    const dir = freshDir();
    const big = path.join(dir, "big.docx");
    // A sparse file: 300 MB long, no disk used, and nothing read to refuse it.
    closeSync(openSync(big, "w"));
    truncateSync(big, 300 * 1024 * 1024);
    const m = realIo();
    expect(await main(["inspect", big], m.io)).toBe(2);
    expect(m.err()).toContain("file_too_large");
    await expect(readRegularFile(path.join(dir, "big.docx"), 1024)).rejects.toMatchObject({
      failure: { code: "file_too_large" },
    });
    const small = path.join(dir, "small.docx");
    writeFileSync(small, ddtt);
    expect(await readRegularFile(small, ddtt.length)).toEqual(ddtt);
    await expect(readRegularFile(small, ddtt.length - 1)).rejects.toMatchObject({
      failure: { code: "file_too_large" },
    });
  });
});
