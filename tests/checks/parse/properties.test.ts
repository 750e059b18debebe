import fc from "fast-check";
import { format } from "date-fns";
import { parseDate, isoToDate } from "../../../src/domain/parse/date";
import { parseDateRange } from "../../../src/domain/parse/date-range";
import { parseMoney, parsePercent, parseRatio } from "../../../src/domain/parse/number";

const dates = fc
  .date({ min: new Date(2000, 0, 1), max: new Date(2060, 11, 31), noInvalidDate: true })
  .map((d) => format(d, "yyyy-MM-dd"));

describe("parsing, for any date", () => {
  it("reads every US way of writing it back as the same day", () => {
    const forms = [
      "M/d/yyyy",
      "MM/dd/yyyy",
      "MM/dd/yy",
      "MMM. d, yyyy",
      "MMMM d yyyy",
      "MMMM do, yyyy",
      "EEEE, MMMM d, yyyy",
      "yyyy-MM-dd",
    ];
    fc.assert(
      fc.property(dates, fc.constantFrom(...forms), (iso, form) => {
        const text = format(isoToDate(iso), form).replace(/^Sep\./, "Sept.");
        const r = parseDate(text, { reference: iso });
        return r.ok && r.value.iso === iso;
      }),
    );
  });

  it("reads a range of two dates in order as that range", () => {
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const f = (iso: string) => format(isoToDate(iso), "M/d/yyyy");
        const r = parseDateRange(`${f(start)} - ${f(end)}`);
        return r.ok && r.value.start === start && r.value.end === end;
      }),
    );
  });
});

describe("parsing numbers", () => {
  it("reads any amount written with a dollar sign and thousands commas", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (dollars, cents) => {
          const text = `$${dollars.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
          const r = parseMoney(text);
          return r.ok && Math.abs(r.value - (dollars + cents / 100)) < 0.001;
        },
      ),
    );
  });

  it("reads any percentage from 0 to 100 without notes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const value = tenths / 10;
        const r = parsePercent(`${value}%`);
        return r.ok && r.value === value && r.notes.length === 0;
      }),
    );
  });

  it("reads any n:1 ratio", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        const r = parseRatio(`${n}:1`);
        return r.ok && r.value.left === n && r.value.right === 1 && r.reading === `${n}:1`;
      }),
    );
  });
});
