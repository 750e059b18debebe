// Launches Debian's Chromium (or the browser named by CHROMIUM_PATH) through playwright-core.
// No browser is ever downloaded: the tests use the one the system package manager installed.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Headless Chromium still builds the address bar's pop-ups (web pages of its own, in a renderer
  // process of their own) for every new window: about a second of CPU that competed with the page
  // under test on a 2-core machine. There is no address bar to show them in.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
];

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable to drive, or undefined when none is installed. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium is not installed. On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).",
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}
