// The clocks the bench times with, in milliseconds.
import { performance } from "node:perf_hooks";

/** CPU time this process has used (user + system, all its threads). */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Elapsed time for "wall", CPU time otherwise. */
export function clockFor(kind) {
  return kind === "wall" ? () => performance.now() : cpuMs;
}
