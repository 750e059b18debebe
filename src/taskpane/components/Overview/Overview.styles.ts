import { makeStyles, tokens } from "@fluentui/react-components";

export const useOverviewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    width: "100%",
    justifyContent: "space-between",
    textAlign: "start",
    columnGap: tokens.spacingHorizontalS,
  },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXS,
    flexShrink: 0,
    whiteSpace: "nowrap",
  },
  label: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
  },
});
