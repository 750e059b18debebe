import { makeStyles, tokens } from "@fluentui/react-components";

export const useDocumentViewStyles = makeStyles({
  root: {
    height: "100%",
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground4,
    position: "relative",
  },
  status: { padding: tokens.spacingHorizontalL },
  pages: {
    // docx-preview draws pages on a grey wrapper; keep its colours (the page is paper, not themed).
    // As wide as its page at least: a page wider than the view scrolls into view from its left edge
    // (centred in a narrower box, its left part would be out of reach).
    "& .docx-wrapper": {
      backgroundColor: "transparent",
      padding: tokens.spacingHorizontalL,
      width: "max-content",
      minWidth: "100%",
      boxSizing: "border-box",
    },
    "& .planassist-target": {
      outline: `3px solid ${tokens.colorBrandStroke1}`,
      outlineOffset: "-2px",
      backgroundColor: tokens.colorBrandBackground2,
    },
  },
});
