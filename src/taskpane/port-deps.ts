/**
 * Builds the session's dependencies from a document port, the domain services, and the host's
 * write functions (Word through Office.js, or a .docx file in the preview).
 */
import { err, ok, type Result } from "../domain/result";
import type { Location } from "../domain/snapshot";
import type { DocumentPort } from "../ports/document.port";
import {
  commentText,
  type CommentReport,
  type FillReport,
  type FillRequest,
  type PlanSessionDeps,
  type ReviewComment,
  type FillAccount,
  type RevertOptions,
  type RevertReport,
} from "../app/plan-session";
import type { DomainServices } from "./domain-services";

/** What a host adds to reading: writing, reverting, inserting a blank template. */
export type HostWriter = {
  fill(request: FillRequest): Promise<Result<FillReport>>;
  revert(options?: RevertOptions): Promise<Result<RevertReport>>;
  /** The last recorded fill's account (Word, where a fill can be cut short). */
  lastFill?(): Promise<Result<FillAccount | undefined>>;
  insertTemplate(template: string): Promise<Result<void>>;
  /** Hosts that write comments themselves (the preview's .docx) instead of through the port. */
  addReviewComments?(items: readonly ReviewComment[]): Promise<Result<CommentReport>>;
};

export const noWriter: HostWriter = {
  fill: async () =>
    err(
      "office_requirement_missing",
      "Writing into this document is not available in this build. Nothing was changed.",
    ),
  revert: async () => err("no_fill_to_revert", "There is no fill to revert in this document."),
  insertTemplate: async () =>
    err(
      "office_requirement_missing",
      "Inserting a template is not available here. Open a blank copy of the template instead.",
    ),
};

/**
 * The session's dependencies. `services` may still be loading (the pane paints its first screen
 * while the reader, the checks and the templates arrive): reading waits for them.
 */
export function portDeps(
  port: DocumentPort,
  writer: HostWriter,
  services: DomainServices | Promise<DomainServices>,
): PlanSessionDeps {
  let loaded: DomainServices | undefined = services instanceof Promise ? undefined : services;
  const ready = Promise.resolve(services).then((s) => {
    loaded = s;
  });
  const need = (): DomainServices => {
    if (!loaded) throw new Error("The plan reader is used before it has loaded.");
    return loaded;
  };
  return {
    recognise: (snapshot) => need().recognise(snapshot),
    check: (data, snapshot) => need().check(data, snapshot),
    guidance: (template, section, field) => need().guidance(template, section, field),
    sectionGuidance: (template, section) => need().sectionGuidance?.(template, section),
    templates: () => need().templates(),
    read: async () => {
      await ready;
      return port.read();
    },
    fill: (r) => writer.fill(r),
    revert: (options) => writer.revert(options),
    ...(writer.lastFill ? { lastFill: writer.lastFill } : {}),
    insertTemplate: (t) => writer.insertTemplate(t),
    goTo: (location: Location) => port.select(location),
    addComments: async (items) => {
      if (writer.addReviewComments) return writer.addReviewComments(items);
      const r = await port.addComments(
        items.map((c) => ({ location: c.location, text: commentText(c), author: "PlanAssist" })),
      );
      if (!r.ok) return r;
      return ok({ added: r.value.added, notAdded: r.value.skipped.map((s) => s.reason) });
    },
  };
}
