#!/usr/bin/env node
// Completes package-lock.json with the optional platform packages its entries name but it lacks
// (native builds for other systems, such as @swc/core-darwin-arm64). `npm install` leaves them out
// when the registry it uses does not serve them, and `npm ci` then refuses the lock as out of sync.
// Each added entry has the version, os/cpu/libc and the optional flag, so npm skips it on other
// systems and fetches it by name on its own system.
//
//   node scripts/complete-lock.cjs          add what is missing (run after `npm install`)
//   node scripts/complete-lock.cjs --check  exit 1 and list what is missing, change nothing
"use strict";
const fs = require("fs");
const path = require("path");

const file = path.join(__dirname, "..", "package-lock.json");
const check = process.argv.includes("--check");
const lock = JSON.parse(fs.readFileSync(file, "utf8"));

const OSES = [
  "darwin",
  "linux",
  "win32",
  "android",
  "freebsd",
  "openharmony",
  "sunos",
  "aix",
  "netbsd",
  "openbsd",
];
const CPUS = [
  "arm64",
  "x64",
  "ia32",
  "arm",
  "ppc64",
  "s390x",
  "riscv64",
  "loong64",
  "mips64el",
  "wasm32",
];

function platformOf(name) {
  const base = name.split("/").pop();
  const os = OSES.find((o) => base.includes(`-${o}-`));
  const after = os ? base.slice(base.indexOf(`-${os}-`) + os.length + 2) : "";
  const cpu = CPUS.find((c) => after === c || after.startsWith(`${c}-`));
  const libc = /-musl/.test(after) ? "musl" : /-gnu/.test(after) ? "glibc" : undefined;
  return { os, cpu, libc };
}

const missing = [];
for (const [key, pkg] of Object.entries(lock.packages ?? {})) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ""}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) {
      console.error(`${dep}: cannot tell which system it is for; add it with npm on that system.`);
      continue;
    }
    missing.push(`${dep}@${version}`);
    if (check) continue;
    lock.packages[`node_modules/${dep}`] = {
      version,
      cpu: [cpu],
      ...(pkg.dev ? { dev: true } : {}),
      ...(libc && os === "linux" ? { libc: [libc] } : {}),
      license: pkg.license ?? "MIT",
      optional: true,
      os: [os],
    };
  }
}

if (check) {
  if (missing.length > 0) {
    console.error(
      `package-lock.json lacks ${missing.length} optional platform packages: ${missing.join(", ")}`,
    );
    console.error("Run `node scripts/complete-lock.cjs` so that `npm ci` accepts the lock.");
    process.exit(1);
  }
  console.log("package-lock.json names every optional platform package.");
} else {
  if (missing.length > 0) fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    missing.length > 0 ? `Added ${missing.length}: ${missing.join(", ")}` : "Nothing to add.",
  );
}
