/**
 * When `planassist check` uses worker threads by itself: only where they pay, from the size of the
 * batch and how many cores are free.
 */
import { FILES_PER_WORKER, workerCount } from "../../src/cli/check.command";

describe("the number of worker threads check decides on", () => {
  it("checks a small or middling batch in one thread, however many cores are free", () => {
    for (const files of [1, 32, 100, 500, 2 * FILES_PER_WORKER - 1])
      expect(workerCount(files, { cores: 16, load: 0 })).toBe(0);
  });

  it("uses two workers for 2,000 plans on an idle 2-core machine", () => {
    expect(workerCount(2000, { cores: 2, load: 0 })).toBe(2);
    expect(workerCount(2000, { cores: 2, load: 0.3 })).toBe(2);
  });

  it("stays in one thread when fewer than two cores are free", () => {
    expect(workerCount(2000, { cores: 2, load: 0.6 })).toBe(0);
    expect(workerCount(2000, { cores: 2, load: 1 })).toBe(0);
    expect(workerCount(2000, { cores: 4, load: 2.6 })).toBe(0);
    expect(workerCount(2000, { cores: 4, load: 9 })).toBe(0);
  });

  it("uses as many workers as free cores and files allow, up to eight", () => {
    expect(workerCount(2000, { cores: 8, load: 1 })).toBe(5);
    expect(workerCount(4000, { cores: 8, load: 1 })).toBe(7);
    expect(workerCount(1200, { cores: 8, load: 0 })).toBe(3);
    expect(workerCount(100_000, { cores: 64, load: 0 })).toBe(8);
  });
});
