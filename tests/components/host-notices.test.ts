/** What the pane says about the host: each limit in plain words, and nothing where all works. */
import { describeHostLimits } from "../../src/taskpane/App/pane-notices";

const all = {
  write: true,
  comments: true,
  select: true,
  revert: true,
  insert: true,
  missingSets: [],
};

describe("describeHostLimits", () => {
  it("says nothing for a Word that can do everything, or for a host that does not say", () => {
    expect(describeHostLimits(all)).toEqual([]);
    expect(describeHostLimits(undefined)).toEqual([]);
    expect(
      describeHostLimits({
        write: true,
        comments: true,
        select: false,
        revert: true,
        insert: false,
      }),
    ).toEqual([]);
  });

  it("names what a WordApi 1.3-only Word cannot do and what to do instead", () => {
    const [n, ...rest] = describeHostLimits({
      ...all,
      comments: false,
      revert: false,
      missingSets: ["WordApi 1.4"],
    });
    expect(rest).toEqual([]);
    expect(n?.title).toBe("This Word cannot revert a fill or add findings as comments");
    expect(n?.text).toContain("WordApi 1.4");
    expect(n?.text).toContain("planassist revert");
  });

  it("tells a read-only document from an old Word, and does not list what writing would need", () => {
    const ro = describeHostLimits({
      ...all,
      write: false,
      comments: false,
      revert: false,
      noWrite: "read-only",
    });
    expect(ro.map((n) => n.title)).toEqual(["This document is open read-only"]);
    const old = describeHostLimits({
      ...all,
      write: false,
      comments: false,
      revert: false,
      noWrite: "requirement",
      missingSets: [],
    });
    expect(old.map((n) => n.title)).toEqual(["This Word is too old for PlanAssist to write"]);
  });

  it("says Track Changes is on, and that writes go in as tracked changes", () => {
    const n = describeHostLimits({ ...all, trackChanges: true });
    expect(n.map((x) => x.title)).toEqual(["Track Changes is on"]);
    expect(n[0]?.text).toMatch(/tracked changes/);
    expect(describeHostLimits({ ...all, trackChanges: false })).toEqual([]);
  });
});
