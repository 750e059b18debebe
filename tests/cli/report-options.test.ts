/**
 * The options `check` and `status` share are read by one parser: the same values are taken and
 * the same sentences refuse bad ones, each command keeping its own options.
 */
import { parseCheckArgs } from "../../src/cli/check.command";
import { parseStatusArgs } from "../../src/cli/status.command";

const parsers = { check: parseCheckArgs, status: parseStatusArgs };

describe("the report commands' shared options", () => {
  it.each(Object.entries(parsers))(
    "%s reads --format, --out, --today and --show-values",
    (_, parse) => {
      expect(
        parse([
          "a.docx",
          "--format=json",
          "--out",
          "r.json",
          "--today",
          "2026-09-15",
          "--show-values",
          "b",
        ]),
      ).toMatchObject({
        inputs: ["a.docx", "b"],
        format: "json",
        out: "r.json",
        today: "2026-09-15",
        showValues: true,
      });
      expect(parse(["a.docx"])).toMatchObject({ format: "text", showValues: false });
      expect(parse(["a.docx"])).not.toHaveProperty("out");
    },
  );

  it.each(Object.entries(parsers))(
    "%s refuses bad shared options with the same sentences",
    (_, parse) => {
      expect(parse(["a.docx", "--format", "pdf"])).toBe(
        "--format takes one of: text, json, csv, html.",
      );
      // A name every object answers to is not a format.
      expect(parse(["a.docx", "--format", "toString"])).toBe(
        "--format takes one of: text, json, csv, html.",
      );
      expect(parse(["a.docx", "--out"])).toBe("--out needs a file name.");
      expect(parse(["a.docx", "--today=2026-02-30"])).toBe(
        "--today takes a date written as YYYY-MM-DD, such as 2026-09-15.",
      );
      expect(parse(["a.docx", "--nope"])).toBe("Unknown option --nope.");
    },
  );

  it("keeps each command's own options to itself", () => {
    expect(parseCheckArgs(["a.docx", "--jobs", "2", "--force"])).toMatchObject({
      concurrency: 2,
      jobsGiven: true,
      force: true,
    });
    expect(parseStatusArgs(["a.docx", "--jobs", "2"])).toBe("Unknown option --jobs.");
    expect(parseStatusArgs(["a.docx", "--due-within=7"])).toMatchObject({ dueWithinDays: 7 });
    expect(parseCheckArgs(["a.docx", "--due-within", "7"])).toBe("Unknown option --due-within.");
    // Only check takes `--` as the end of its options.
    expect(parseCheckArgs(["--", "-plan.docx"])).toMatchObject({ inputs: ["-plan.docx"] });
    expect(parseStatusArgs(["--", "-plan.docx"])).toBe("Unknown option --.");
    expect(parseCheckArgs([])).toBe("Give at least one .docx file or folder to check.");
    expect(parseStatusArgs([])).toBe("Give at least one .docx file or folder.");
  });
});
