import { parsePerson, personKey } from "../../../src/domain/parse/person";

describe("parsePerson", () => {
  it.each([
    ["Dr. Maria Lopez, Principal", ["Dr. Maria Lopez"]],
    ["Maria Lopez", ["Maria Lopez"]],
    ["M. Lopez", ["M. Lopez"]],
    ["Maria Lopez; James Chen", ["Maria Lopez", "James Chen"]],
    ["Maria Lopez and James Chen", ["Maria Lopez", "James Chen"]],
    ["Principal Maria Lopez", ["Principal Maria Lopez"]],
    ["Maria Lopez (CTE Director)", ["Maria Lopez"]],
    ["Ana O'Neil-Smith, Assistant Superintendent", ["Ana O'Neil-Smith"]],
  ])("accepts %j as naming people", (text, names) => {
    const r = parsePerson(text);
    expect(r.ok && r.value.people.map((p) => p.name)).toEqual(names);
    expect(r.ok && r.notes).toEqual([]);
  });

  it("keeps the title given beside a name", () => {
    const r = parsePerson("Dr. Maria Lopez, Principal");
    expect(r.ok && r.value.people[0]?.title).toBe("Principal");
  });

  it.each([
    "TBD",
    "staff",
    "all staff",
    "everyone",
    "team",
    "committee",
    "department",
    "admin",
    "CTE Team",
    "Leadership Team",
    "Math department",
    "[name]",
    "Lincoln School staff",
    "Quimby Ridge committee",
  ])("refuses %j as not naming one person", (text) => {
    const r = parsePerson(text);
    expect(r.ok).toBe(false);
  });

  it("says a group is a group", () => {
    const r = parsePerson("all staff");
    expect(!r.ok && r.code).toBe("person_is_group");
  });

  it.each([
    "Principal",
    "CTE Director",
    "Assistant Principal",
    "Director of Curriculum and Instruction",
  ])("accepts %j with a warning that a name is expected", (text) => {
    const r = parsePerson(text);
    expect(r.ok && r.value.titleOnly).toBe(true);
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["person_title_only"]);
  });

  it("compares owners by name, ignoring honorifics and titles", () => {
    const a = parsePerson("Dr. Maria Lopez, Principal");
    const b = parsePerson("maria lopez");
    expect(a.ok && b.ok && personKey(a.value) === personKey(b.value)).toBe(true);
  });
});
