// Preloaded (`node --require`) into a process the bench measures as a whole: when the process
// exits, writes its peak resident memory and CPU time (worker threads included) to the file
// named by PLANASSIST_PROBE_OUT.
"use strict";
const fs = require("fs");

const out = process.env.PLANASSIST_PROBE_OUT;
if (out) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }),
    );
  });
}
