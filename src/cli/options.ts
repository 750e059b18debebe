/**
 * The command-line options the report commands (`check`, `status`) share, read in one place:
 * FILE|FOLDER inputs, `--format`, `--out`, `--today` and `--show-values`, each as `--name value`
 * or `--name=value`. A command adds its own options as handlers; an error comes back as the
 * sentence to show above the command's usage.
 */

/** Today's date on this machine, written YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a YYYY-MM-DD text is a real calendar date (2026-02-30 is not). */
export function isIsoDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** What both report commands take. */
type ReportArgs<F extends string> = {
  readonly inputs: string[];
  readonly format: F;
  readonly out?: string;
  readonly showValues: boolean;
  readonly today: string;
};

/**
 * A command's own option: `value()` takes the option's value (after `=`, or the next argument);
 * returns the usage error to show, or nothing when the option was taken.
 */
type OptionHandler = (value: () => string | undefined) => string | undefined;

type ReportOptionSpec<F extends string> = {
  /** The report formats the command writes; the first is the default. */
  readonly formats: readonly [F, ...F[]];
  /** The error when no file or folder was given. */
  readonly noInputs: string;
  /** `--` ends the options: what follows are file names, even if they start with -. */
  readonly endOfOptions?: boolean;
  /** The command's own options, by name (`--jobs`). */
  readonly options?: Readonly<Record<string, OptionHandler>>;
};

/** Reads the shared options and the command's own; a string is a usage error to show. */
export function parseReportArgs<F extends string>(
  args: readonly string[],
  spec: ReportOptionSpec<F>,
): ReportArgs<F> | string {
  const inputs: string[] = [];
  let format: F = spec.formats[0];
  let out: string | undefined;
  let showValues = false;
  let today = localToday();
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (optionsEnded) {
      inputs.push(a);
      continue;
    }
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => {
      if (eq > 0) return a.slice(eq + 1);
      i++;
      return args[i];
    };
    const own = Object.hasOwn(spec.options ?? {}, name) ? spec.options?.[name] : undefined;
    if (own) {
      const error = own(value);
      if (error !== undefined) return error;
      continue;
    }
    switch (name) {
      case "--format": {
        const v = value();
        if (v === undefined || !(spec.formats as readonly string[]).includes(v))
          return `--format takes one of: ${spec.formats.join(", ")}.`;
        format = v as F;
        break;
      }
      case "--out": {
        const v = value();
        if (!v) return "--out needs a file name.";
        out = v;
        break;
      }
      case "--today": {
        const v = value();
        if (!v || !isIsoDay(v))
          return "--today takes a date written as YYYY-MM-DD, such as 2026-09-15.";
        today = v;
        break;
      }
      case "--show-values":
        showValues = true;
        break;
      default:
        if (name === "--" && spec.endOfOptions) {
          optionsEnded = true;
          break;
        }
        if (a.startsWith("-") && a !== "-") return `Unknown option ${a}.`;
        inputs.push(a);
    }
  }
  if (inputs.length === 0) return spec.noInputs;
  return { inputs, format, ...(out ? { out } : {}), showValues, today };
}
