/**
 * The planassist command: argument parsing, one call into the app layer, then formatting.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    process.stdout.write(usage());
    return 0;
  }
  process.stderr.write(`planassist: unknown command "${command}".\n${usage()}`);
  return 2;
}

function usage(): string {
  return [
    "Usage: planassist <command> [options]",
    "",
    "Commands:",
    "  inspect FILE.docx [--json]        show which plan a document holds and what is filled",
    "  check FILE.docx|FOLDER...         check plans and report findings",
    "  fill FILE.docx --data PLAN.json --out OUT.docx",
    "  revert FILE.docx --out OUT.docx   undo the last fill",
    "",
  ].join("\n");
}
