/**
 * Small documents that hold one kind of markup each, the way Word saves it, and what a person sees
 * in them. The contract suite reads each through every adapter.
 */
import { minimalDocx, p, tbl, tc, tr } from "../helpers/make-docx";

const bold = "<w:b/>";

/** "Owner:" typed in three goes, with proofing marks, a bookmark, rsids and a smart tag between. */
export const splitLabel = minimalDocx(
  tbl(
    2,
    tr(
      tc(
        `<w:p w:rsidR="00A3B2C1" w:rsidRDefault="00A3B2C1"><w:r w:rsidRPr="00F1E2D3"><w:rPr><w:b/></w:rPr><w:t>Ow</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00C4D5E6"><w:rPr><w:b/></w:rPr><w:lastRenderedPageBreak/><w:t>n</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName"><w:r><w:rPr><w:b/></w:rPr><w:t>er:</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> Dana </w:t></w:r><w:r w:rsidR="00AA0001"><w:t>Lee</w:t></w:r></w:p>`,
      ) + tc(p("Deadline")),
    ),
  ),
);

/** Rating circles stored as `w:sym` (empty, filled) and as a Wingdings run. */
export const symCircles = minimalDocx(
  tbl(
    3,
    tr(
      tc('<w:p><w:r><w:sym w:font="Wingdings" w:char="F0A1"/></w:r></w:p>') +
        tc('<w:p><w:r><w:sym w:font="Wingdings" w:char="F06C"/></w:r></w:p>') +
        tc(
          '<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>¡</w:t></w:r></w:p>',
        ),
    ),
  ),
);

/** A 3-column table: a cell spanning two columns, and a cell merged down over two rows. */
export const mergedCells = minimalDocx(
  tbl(
    3,
    tr(tc(p("Strategy:", bold), '<w:gridSpan w:val="2"/>') + tc(p("Owner"))) +
      tr(tc(p("Goal 1"), '<w:vMerge w:val="restart"/>') + tc(p("a")) + tc(p("b"))) +
      tr(tc("<w:p/>", "<w:vMerge/>") + tc(p("c")) + tc(p("d"))),
  ),
);

/** Two header rows repeated across pages, then a data row (with an explicit "off" header mark). */
export const headerRows = minimalDocx(
  tbl(
    2,
    tr(tc(p("Action Steps")) + tc(p("Owner")), "<w:tblHeader/>") +
      tr(tc(p("(describe)")) + tc(p("(name)")), '<w:tblHeader w:val="true"/>') +
      tr(tc(p("Hire a coach")) + tc(p("Dana")), '<w:tblHeader w:val="0"/>'),
  ),
);

/** Content controls around text in a cell, around a whole cell's paragraphs and around a row. */
export const contentControls = minimalDocx(
  tbl(
    2,
    tr(
      tc(
        '<w:p><w:r><w:t xml:space="preserve">Deadline: </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="Date"/><w:date/></w:sdtPr><w:sdtContent><w:r><w:t>June 30, 2026</w:t></w:r></w:sdtContent></w:sdt></w:p>',
      ) +
        tc(
          `<w:sdt><w:sdtPr><w:alias w:val="Owner"/></w:sdtPr><w:sdtContent>${p("Dana Lee")}${p("Principal")}</w:sdtContent></w:sdt>`,
        ),
    ) +
      `<w:sdt><w:sdtPr><w:alias w:val="Repeating row"/></w:sdtPr><w:sdtContent>${tr(tc(p("Step 2")) + tc(p("Sam")))}</w:sdtContent></w:sdt>` +
      tr(
        tc(
          '<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> Priority</w:t></w:r></w:p>',
        ) + tc("<w:p/>"),
      ),
  ),
);

/** Tracked changes in a cell: a deleted word, an inserted word, and a deleted paragraph mark. */
export const trackedChanges = minimalDocx(
  tbl(
    1,
    tr(
      tc(
        '<w:p><w:r><w:t xml:space="preserve">Owner: </w:t></w:r><w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Pat</w:delText></w:r></w:del><w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>Dana</w:t></w:r></w:ins></w:p>',
      ),
    ),
  ),
);

/** A table nested in a cell, followed by a second top-level table. */
export const nestedTable = minimalDocx(
  tbl(
    2,
    tr(
      tc(p("Outer A")) +
        tc(p("Before") + tbl(1, tr(tc(p("Inner 1"))) + tr(tc(p("Inner 2")))) + p("After")),
    ),
  ) +
    p("Between") +
    tbl(1, tr(tc(p("Second")))),
);

/** A labelled paragraph outside tables ("District/School Name: ____"), then a table. */
export const labelOutsideTables = minimalDocx(
  p("Action Plan", "<w:b/>") +
    '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">District/School Name: </w:t></w:r><w:r><w:t>____________</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Date: </w:t></w:r><w:r><w:t>______</w:t></w:r></w:p>' +
    tbl(1, tr(tc(p("Goal")))),
);

/** Two top-level tables and nothing else (the smallest multi-table document). */
export const twoTables = minimalDocx(tbl(1, tr(tc(p("One")))) + tbl(1, tr(tc(p("Two")))));

/** A blank document: one empty paragraph, as Word makes a new document. */
export const emptyDocument = minimalDocx("<w:p/>");
