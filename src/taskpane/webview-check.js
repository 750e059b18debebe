/*
 * Runs before the pane's own scripts, in any webview Office may use. Older Office on Windows
 * (Office 2016 and 2019, or Microsoft 365 without the WebView2 runtime) shows add-ins in Internet
 * Explorer 11 (Trident) or the first Microsoft Edge (EdgeHTML) (docs: "Browsers and webview
 * controls used by Office Add-ins"), which cannot run the pane's JavaScript: without this, the
 * pane stays blank. Written in ES3-era JavaScript on purpose, and served as a file of its
 * own, so the pages' Content Security Policy (scripts from the add-in's own origin only) allows it.
 */
/* global window, document */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || "";
  var trident = typeof document.documentMode !== "undefined" || /Trident\/|MSIE /.test(ua);
  var edgeHtml = /\bEdge\/\d/.test(ua);
  var missing =
    typeof window.Promise === "undefined" ||
    typeof window.Proxy === "undefined" ||
    typeof window.Symbol === "undefined";
  if (!trident && !edgeHtml && !missing) return;
  window.planAssistOldWebview = true;
  var root = document.getElementById("root");
  if (!root) return;
  var box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "old-webview");
  box.style.fontFamily = "Segoe UI, sans-serif";
  box.style.fontSize = "14px";
  box.style.lineHeight = "1.4";
  box.style.padding = "16px";
  var title = document.createElement("h1");
  title.style.fontSize = "18px";
  title.appendChild(document.createTextNode("PlanAssist cannot run in this version of Word"));
  var viewer = edgeHtml ? "the first Microsoft Edge (EdgeHTML)" : "Internet Explorer";
  var whyText =
    "This Word shows add-ins with " +
    viewer +
    ", which cannot run PlanAssist. Nothing in your document was read or changed.";
  var whatText =
    "Open the document in Word on the web, or in Word for Microsoft 365 on Windows with the " +
    "Microsoft Edge WebView2 Runtime installed (your IT department can install it). Plans " +
    "can also be checked and filled with the planassist command line.";
  var why = document.createElement("p");
  why.appendChild(document.createTextNode(whyText));
  var what = document.createElement("p");
  what.appendChild(document.createTextNode(whatText));
  box.appendChild(title);
  box.appendChild(why);
  box.appendChild(what);
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(box);
})();
