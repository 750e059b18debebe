/**
 * Person names versus placeholders, groups and job titles, for owner / "Who" / "By Who" fields.
 *
 * "Dr. Maria Lopez, Principal" and "Maria Lopez; James Chen" name people. "TBD", "staff",
 * "all staff", "everyone", "team", "committee", "department", "admin" name nobody (an error).
 * A job title alone ("Principal", "CTE Director") names a role, not a person (a warning).
 */
import { memoKey, type DocumentContext } from "../document-context";
import { normaliseSpace, parsedErr, parsedOk, type Parsed } from "./parsed";
import { placeholderKind } from "./placeholder";

type ParsedPerson = {
  /** The people named, each with the title given beside the name, if any. */
  readonly people: readonly { readonly name: string; readonly title?: string }[];
  /** Set when only a job title was given (no name). */
  readonly titleOnly?: boolean;
};

/** Words that name a group, never one accountable person. */
const groupWords: ReadonlySet<string> = new Set([
  "staff",
  "staffs",
  "everyone",
  "everybody",
  "all",
  "team",
  "teams",
  "committee",
  "committees",
  "department",
  "departments",
  "dept",
  "admin",
  "admins",
  "administration",
  "administrators",
  "faculty",
  "teachers",
  "members",
  "personnel",
  "group",
  "board",
  "leadership",
  "district",
  "school",
  "office",
  "various",
  "others",
  "tbd",
  "tba",
  "we",
  "us",
  "they",
  "community",
  "partners",
  "families",
  "parents",
  "students",
  "counselors",
  "principals",
  "directors",
  "coordinators",
]);

/** Words a job title is made of. */
const titleWords: ReadonlySet<string> = new Set([
  "principal",
  "assistant",
  "asst",
  "vice",
  "deputy",
  "associate",
  "superintendent",
  "supt",
  "director",
  "coordinator",
  "teacher",
  "counselor",
  "counsellor",
  "specialist",
  "manager",
  "chair",
  "chairperson",
  "lead",
  "leader",
  "dean",
  "head",
  "officer",
  "administrator",
  "supervisor",
  "consultant",
  "coach",
  "facilitator",
  "liaison",
  "president",
  "secretary",
  "nurse",
  "psychologist",
  "clerk",
  "registrar",
  "analyst",
  "advisor",
  "adviser",
  "instructor",
  "paraprofessional",
  "social",
  "worker",
  "interventionist",
  "cte",
  "sped",
  "ell",
  "el",
  "ela",
  "math",
  "science",
  "data",
  "curriculum",
  "instruction",
  "instructional",
  "special",
  "education",
  "technology",
  "it",
  "hr",
  "human",
  "resources",
  "finance",
  "business",
  "guidance",
  "career",
  "technical",
  "perkins",
  "program",
  "academic",
  "student",
  "services",
  "support",
  "operations",
  "chief",
  "executive",
  "senior",
  "building",
  "district",
  "school",
  "of",
  "for",
  "and",
  "the",
  "&",
  "k-12",
  "title",
  "i",
  "grade",
  "level",
  "middle",
  "high",
  "elementary",
  "family",
  "engagement",
  "community",
  "mcas",
  "assessment",
  "accountability",
  "ceo",
  "cfo",
  "coo",
  "cao",
]);

const honorifics = /^(dr|mr|mrs|ms|mx|miss|prof|rev)\.?$/i;

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[("'“‘]+|[)"'”’.,:;]+$/g, ""))
    .filter((w) => w !== "");
}

function isGroupPhrase(text: string): boolean {
  const ws = words(text.toLowerCase());
  if (ws.length === 0) return false;
  return ws.some((w) => groupWords.has(w));
}

function isTitleOnly(text: string): boolean {
  const ws = words(text.toLowerCase());
  return ws.length > 0 && ws.every((w) => titleWords.has(w) || /^\d+$/.test(w));
}

/** A segment that holds a name: a capitalised word that is neither a title word nor a group word. */
function hasName(text: string): boolean {
  const ws = words(text).filter((w) => !honorifics.test(w));
  return ws.some((w) => {
    const lower = w.toLowerCase();
    if (titleWords.has(lower) || groupWords.has(lower)) return false;
    return (
      /^\p{Lu}[\p{L}'’-]*$/u.test(w) || /^\p{Lu}\.$/u.test(w) || /^\p{Lu}\.\p{Lu}\.?$/u.test(w)
    );
  });
}

/** Reads who is responsible. */
export function parsePerson(text: string, ctx?: DocumentContext): Parsed<ParsedPerson> {
  // Asked about the same cell by several rules: the document's context keeps the answers.
  return ctx ? ctx.of(people, text, (t) => readPerson(t, ctx)) : readPerson(text);
}

const people = memoKey<string, Parsed<ParsedPerson>>("parsed person");

function readPerson(text: string, ctx?: DocumentContext): Parsed<ParsedPerson> {
  const kind = placeholderKind(text, ctx);
  if (kind === "blank")
    return parsedErr("person_blank", "No one is named. Give the name of the person responsible.");
  if (kind !== undefined) {
    return parsedErr(
      "person_placeholder",
      "This holds a placeholder, not a person. Give the name of the person responsible, such as Maria Lopez, Principal.",
    );
  }
  const t = normaliseSpace(text);
  // People are separated by new lines, semicolons, "and", "&", "/" or "+"; a title follows a comma or sits in brackets.
  const entries = text
    .split(/\n|;|\s+and\s+|\s*&\s*|\s+\/\s+|\s*\+\s*/i)
    .map((e) => normaliseSpace(e))
    .filter((e) => e !== "");
  const people: { name: string; title?: string }[] = [];
  let titles = 0;
  let groups = 0;
  for (const entry of entries) {
    const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(entry);
    const main = bracket ? (bracket[1] ?? "") : entry;
    const segments = main.split(/\s*,\s*|\s+-\s+|\s+–\s+/).filter((s) => s !== "");
    // "Lincoln School staff", "Quimby Ridge committee": a phrase ending in a group word is a group.
    const endsInGroup = (s: string) => groupWords.has(words(s.toLowerCase()).pop() ?? "");
    const nameSeg = segments.find((s) => hasName(s) && !endsInGroup(s));
    if (nameSeg !== undefined) {
      const rest = segments.filter((s) => s !== nameSeg).join(", ") || bracket?.[2];
      people.push(rest ? { name: nameSeg, title: rest } : { name: nameSeg });
    } else if (segments.length > 0 && segments.every((s) => isTitleOnly(s))) {
      titles++;
    } else if (segments.some((s) => isGroupPhrase(s) || endsInGroup(s))) {
      groups++;
    } else {
      // Lower-case words that are not a known group or title: probably a name typed in lower case.
      if (segments.some((s) => /\p{L}{2,}/u.test(s))) people.push({ name: segments.join(", ") });
    }
  }
  if (people.length > 0) {
    const reading = people.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)).join("; ");
    return parsedOk({ people }, reading);
  }
  if (groups > 0) {
    return parsedErr(
      "person_is_group",
      "This names a group (such as staff, team, committee, department or admin), not one accountable person. Name the person who answers for it, such as Maria Lopez, Principal.",
    );
  }
  if (titles > 0) {
    return parsedOk({ people: [], titleOnly: true }, `a job title (${t}) with no name`, [
      {
        code: "person_title_only",
        message:
          "Only a job title is given. Add the person's name, such as Maria Lopez, Principal, so it is clear who is accountable.",
      },
    ]);
  }
  return parsedErr(
    "person_unreadable",
    "This does not name a person. Give the person's name, such as Maria Lopez.",
  );
}

/** A key for comparing owners: lower-case names without honorifics and titles. */
export function personKey(p: ParsedPerson): string {
  return p.people
    .map((x) =>
      words(x.name)
        .filter((w) => !honorifics.test(w))
        .join(" ")
        .toLowerCase(),
    )
    .sort()
    .join(";");
}
