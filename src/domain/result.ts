/**
 * Results, not exceptions, for what a user did. Exceptions are reserved for bugs.
 *
 * Every failure carries a stable code (never reworded: reports and scripts depend on it) and a
 * sentence a person understands that says what was wrong and what to do.
 */
type Ok<T> = { readonly ok: true; readonly value: T; readonly warnings: readonly Notice[] };
type Err = { readonly ok: false; readonly error: PlanAssistError };
export type Result<T> = Ok<T> | Err;

export type Notice = { readonly code: string; readonly message: string };

export type PlanAssistError = {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra facts for logs and reports (never document text). */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
};

/** Stable error codes. Add new ones at the end of their group; never rename. */
export const errorCodes = [
  // The file is not a readable .docx
  "file_empty",
  "file_not_zip",
  "file_is_pdf",
  "file_is_rtf",
  "file_is_html",
  "file_is_text",
  "file_is_legacy_doc",
  "file_is_encrypted",
  "file_is_lock_file",
  "zip_truncated",
  "zip_corrupt",
  "zip_bad_crc",
  "zip_size_mismatch",
  "zip_duplicate_entry",
  "zip_unsafe_entry_name",
  "zip_unsupported_method",
  "zip_encrypted_entry",
  "zip_too_many_entries",
  "zip_too_large",
  "zip_ratio_too_high",
  "docx_no_main_part",
  "docx_strict_ooxml",
  "docx_not_wordprocessing",
  "file_unreadable",
  "zip_zip64",
  "file_too_large",
  "file_is_rights_managed",
  "docx_no_content_types",
  // The XML inside is not acceptable
  "xml_malformed",
  "xml_doctype",
  "xml_undefined_entity",
  "xml_undeclared_prefix",
  "xml_too_deep",
  "xml_too_large",
  "xml_unsupported_encoding",
  "time_limit",
  // Word host problems
  "office_unavailable",
  "office_sync_failed",
  "office_read_only",
  "office_requirement_missing",
  "office_protected",
  "office_view_mode",
  // Plan data and filling
  "plan_data_invalid",
  "plan_data_mismatch",
  "document_changed",
  "no_fill_to_revert",
  "journal_invalid",
  "cell_missing",
  "document_not_empty",
  "no_status_column",
  // Writing outputs (command line)
  "output_is_input",
  "output_exists",
  "output_refused",
  "write_failed",
  "output_closed",
  // A fault in PlanAssist itself (reported in a sentence, never as a stack trace)
  "internal_error",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function ok<T>(value: T, warnings: readonly Notice[] = []): Ok<T> {
  return { ok: true, value, warnings };
}

export function err(
  code: ErrorCode,
  message: string,
  detail?: Readonly<Record<string, string | number | boolean>>,
): Err {
  return { ok: false, error: detail ? { code, message, detail } : { code, message } };
}

/**
 * Thrown inside deep parsing code and caught at the adapter boundary, where it becomes an `Err`.
 * It never escapes to a user as a stack trace.
 */
export class PlanAssistFailure extends Error {
  readonly failure: PlanAssistError;
  constructor(
    code: ErrorCode,
    message: string,
    detail?: Readonly<Record<string, string | number | boolean>>,
  ) {
    super(message);
    this.name = "PlanAssistFailure";
    this.failure = detail ? { code, message, detail } : { code, message };
  }
}

/** Runs `fn`; turns a `PlanAssistFailure` into an `Err`. Anything else is a bug and is rethrown. */
export function capture<T>(fn: () => T): Result<T> {
  try {
    return ok(fn());
  } catch (e) {
    if (e instanceof PlanAssistFailure) return { ok: false, error: e.failure };
    throw e;
  }
}
