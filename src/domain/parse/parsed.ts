/**
 * What parsing a typed value gives: the value read, how it reads back to the person, and notes
 * (warnings) about it; or why it could not be read. Messages never repeat the typed text, so they
 * can be shown in reports that must not carry a plan's contents.
 */
export type ParseNote = {
  /** Stable snake_case code. */
  readonly code: string;
  readonly message: string;
};

export type Parsed<T> =
  | {
      readonly ok: true;
      readonly value: T;
      /** How PlanAssist read the value, in words ("Tuesday, September 15, 2026"). */
      readonly reading: string;
      readonly notes: readonly ParseNote[];
    }
  | {
      readonly ok: false;
      /** Stable snake_case code. */
      readonly code: string;
      readonly message: string;
    };

export function parsedOk<T>(
  value: T,
  reading: string,
  notes: readonly ParseNote[] = [],
): Parsed<T> {
  return { ok: true, value, reading, notes };
}

export function parsedErr<T = never>(code: string, message: string): Parsed<T> {
  return { ok: false, code, message };
}

/** Collapses white space (including non-breaking spaces) and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim();
}
