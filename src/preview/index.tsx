/**
 * Browser preview entry point: the task pane beside a rendering of a .docx, for use and testing
 * without Word. Files are opened from this computer and never uploaded.
 */
// First: starts fetching the sample while the rest of the page's script is still being set up.
import { firstSample } from "./first-sample";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp/PreviewApp";

document.body.style.margin = "0";
const container = document.getElementById("root");
// The sample is in memory by the time the script has run: the first render shows it in the pane.
if (container) {
  void firstSample.then((first) => createRoot(container).render(<PreviewApp first={first} />));
}
