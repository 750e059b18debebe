/**
 * Inserting a blank copy of a template into the empty document open in Word.
 *
 * Two round trips: one reads the body's text (a document that holds anything is never replaced),
 * one inserts the template's .docx and reads the body back.
 */
import { err, ok, type Result } from "../../domain/result";

/** The slice of Office.js this needs (the real Word API satisfies it; tests pass typed fakes). */
export interface WordInsertBody {
  text: string;
  load(properties: "text"): unknown;
  insertFileFromBase64(base64File: string, insertLocation: "Replace"): unknown;
}

export interface WordInsertHost {
  run<T>(
    batch: (context: { document: { body: WordInsertBody }; sync(): Promise<void> }) => Promise<T>,
  ): Promise<T>;
}

export type InsertReport = {
  /** Characters of text the document body holds after the insert. */
  readonly bodyLength: number;
};

/** Base64 of bytes, in chunks small enough for `String.fromCharCode`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** Inserts the template file into the document, which must be empty. */
export async function insertTemplateInWord(
  host: WordInsertHost,
  templateBytes: Uint8Array,
): Promise<Result<InsertReport>> {
  const base64 = toBase64(templateBytes);
  try {
    return await host.run(async (context) => {
      const body = context.document.body;
      body.load("text");
      await context.sync();
      if (body.text.trim() !== "") {
        return err(
          "document_not_empty",
          "This document already holds text, so the template was not inserted. Open a new blank document in Word and try again.",
        );
      }
      body.insertFileFromBase64(base64, "Replace");
      body.load("text");
      await context.sync();
      return ok({ bodyLength: body.text.length });
    });
  } catch (e) {
    const code = (e as { code?: string } | undefined)?.code;
    if (code === "AccessDenied" || code === "NotAllowed") {
      return err(
        "office_read_only",
        "Word did not allow changes to this document (it may be read-only or protected). Nothing was inserted.",
      );
    }
    return err(
      "office_sync_failed",
      "Word could not insert the template. Check that the document is empty and editable, then try again.",
    );
  }
}
