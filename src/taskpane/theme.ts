/**
 * The Fluent theme that matches Office: light, dark (from the Office theme's body colour) or high
 * contrast (when the system forces its colours).
 */
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "high-contrast";

export const themes: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  "high-contrast": teamsHighContrastTheme,
};

function isDarkColour(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? "");
  if (!m || !m[1]) return false;
  const n = parseInt(m[1], 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** The theme to use now: Office's when running in Office, otherwise the system's. */
export function currentThemeName(officeBackground?: string): ThemeName {
  const media = (q: string) =>
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia(q).matches;
  if (media("(forced-colors: active)")) return "high-contrast";
  if (officeBackground !== undefined) return isDarkColour(officeBackground) ? "dark" : "light";
  return media("(prefers-color-scheme: dark)") ? "dark" : "light";
}
