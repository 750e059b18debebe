/**
 * The record of fills in Word: every custom XML part of the record's namespace, read as one.
 *
 * Word answers `getOnlyItemOrNullObject` with a null object when a namespace has two or more
 * parts (docs: CustomXmlPartScopedCollection.getOnlyItemOrNullObject), and a document can hold
 * two record parts (two documents pasted together, two panes writing at once, a file merged by
 * another tool). Reading only "the" part would then find no fill at all. So the parts are read
 * together: the only part and the collection's items are queued in the caller's sync; when the
 * collection holds two or more parts, one more sync reads each part's XML, and the records are
 * merged (`parseJournalParts`, as a .docx does). The next write keeps the record in one part:
 * the first part takes it and the others are deleted.
 *
 * Costs: nothing more than the caller's sync for none or one part (the usual case); one more
 * sync, of reads only, for two or more.
 */
import { ok, type Result } from "../../domain/result";
import {
  emptyJournal,
  JOURNAL_NAMESPACE,
  parseJournalParts,
  type Journal,
} from "../../ooxml/journal";
import type { WCustomXmlPart, WCustomXmlParts, WJournalPart } from "./word-api";

/** The record as read from its parts, and the calls that keep it or take it away. */
export type RecordParts = {
  /** How many record parts the document holds. */
  readonly count: number;
  /** The record, merged from every part (Err when a part is damaged). */
  readonly journal: Result<Journal>;
  /** Syncs spent here beyond the caller's (one when there were two or more parts). */
  readonly syncs: number;
  /**
   * Queues the record `xml` into one part: the first part found, or a new one; others deleted.
   * Answers the part written into (a later correction in the same run writes there again).
   */
  write(xml: string): WCustomXmlPart;
  /** Queues the deletion of every record part. */
  remove(): void;
};

/** A record read queued in the caller's batch; `settle` after the caller's sync. */
export type PendingRecord = {
  settle(context: { sync(): Promise<void> }): Promise<RecordParts>;
};

/** Queues the reading of every record part, to be answered by the caller's next sync. */
export function queueRecordRead(parts: WCustomXmlParts): PendingRecord {
  const scoped = parts.getByNamespace(JOURNAL_NAMESPACE);
  scoped.load("items/id");
  const only: WJournalPart = scoped.getOnlyItemOrNullObject();
  only.load("isNullObject");
  // On a null object the method answers null at the sync instead of failing the batch.
  const onlyXml = only.getXml();
  return {
    async settle(context) {
      // Read after the caller's sync (the rules cannot see across the two functions).
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      const items = scoped.items;
      let syncs = 0;
      let xmls: string[];
      // eslint-disable-next-line office-addins/call-sync-before-read
      if (!only.isNullObject) xmls = [onlyXml.value ?? ""];
      else if (items.length < 2) xmls = [];
      else {
        const each = items.map((p) => p.getXml());
        await context.sync();
        syncs++;
        xmls = each.map((x) => x.value ?? "");
      }
      const present = xmls.filter((x) => x !== "");
      return {
        count: !only.isNullObject ? 1 : items.length,
        journal: present.length === 0 ? ok(emptyJournal) : parseJournalParts(present),
        syncs,
        write(xml) {
          if (!only.isNullObject) {
            only.setXml(xml);
            return only;
          }
          const [first, ...rest] = items;
          if (!first) return parts.add(xml);
          first.setXml(xml);
          for (const p of rest) p.delete();
          return first;
        },
        remove() {
          if (!only.isNullObject) only.delete();
          else for (const p of items) p.delete();
        },
      };
    },
  };
}
