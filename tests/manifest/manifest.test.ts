/**
 * The add-in manifest, checked offline. No installed package ships Microsoft's add-in manifest XSD
 * files (and `npm run validate` posts the manifest to a web service), so the manifest is validated
 * with xmllint-wasm against tests/manifest/taskpane-app.structure.xsd, a schema written for these
 * tests from the manifest reference (element order of a TaskPaneApp, required elements, value
 * formats), and the ribbon part (VersionOverrides) is checked element by element below.
 */
import { readFileSync } from "fs";
import path from "path";
import { validateXML } from "xmllint-wasm";
import { attr, childElements, parseXml, type XmlElement } from "../../src/ooxml/xml";

const root = path.join(__dirname, "..", "..");
const manifestXml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const structureXsd = readFileSync(path.join(__dirname, "taskpane-app.structure.xsd"), "utf8");
const { manifestForUrl, diagnosticsManifest } = require("../../scripts/web-config.cjs") as {
  manifestForUrl(xml: string, url: string): string;
  diagnosticsManifest(xml: string): string;
};

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** The add-in's identity. Office tells add-ins apart by it: it must never change. */
const ADDIN_ID = "4f6b2c1e-8d3a-4b7e-9c15-2a7d0e6f3b98";

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: "taskpane-app.structure.xsd", contents: structureXsd }],
  });
}

function local(el: XmlElement): string {
  return el.name.slice(el.name.indexOf(":") + 1);
}

function find(el: XmlElement, ...names: string[]): XmlElement {
  let cur = el;
  for (const name of names) {
    const next = childElements(cur).find((c) => local(c) === name);
    if (!next) throw new Error(`no ${name} under ${cur.name}`);
    cur = next;
  }
  return cur;
}

function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of childElements(e)) {
      if (local(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const doc = parseXml(manifestXml);
const app = doc.root;

describe("manifest.xml", () => {
  it("validates against the task-pane add-in structure (element order, formats, required elements)", async () => {
    const r = await validate(manifestXml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("is refused by the same validation when required elements are out of order or missing", async () => {
    const reordered = manifestXml.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(reordered).not.toBe(manifestXml);
    expect((await validate(reordered)).valid).toBe(false);
    expect((await validate(manifestXml.replace(/<Permissions>.*<\/Permissions>/, ""))).valid).toBe(
      false,
    );
    expect((await validate(manifestXml.replace(ADDIN_ID, "not-a-guid"))).valid).toBe(false);
  });

  it("is a Word task-pane add-in with a stable GUID and WordApi 1.3 as its minimum", () => {
    expect(local(app)).toBe("OfficeApp");
    expect(attr(app, "xmlns")).toBe(NS_APP);
    expect(attr(app, "xmlns:xsi")).toBe(NS_XSI);
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(find(app, "Id").children.length).toBe(1);
    expect(manifestXml).toContain(`<Id>${ADDIN_ID}</Id>`);
    expect(attr(find(app, "Hosts", "Host"), "Name")).toBe("Document");
    const set = find(app, "Requirements", "Sets", "Set");
    expect([attr(set, "Name"), attr(set, "MinVersion")]).toEqual(["WordApi", "1.3"]);
  });

  it("has a button on Word's Home tab that opens the task pane", () => {
    const overrides = find(app, "VersionOverrides");
    expect(attr(overrides, "xmlns")).toBe(NS_OVERRIDES);
    expect(attr(overrides, "xsi:type")).toBe("VersionOverridesV1_0");
    const host = find(overrides, "Hosts", "Host");
    expect(attr(host, "xsi:type")).toBe("Document");
    const point = find(host, "DesktopFormFactor", "ExtensionPoint");
    expect(attr(point, "xsi:type")).toBe("PrimaryCommandSurface");
    const tab = find(point, "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    const control = find(tab, "Group", "Control");
    expect(attr(control, "xsi:type")).toBe("Button");
    const action = find(control, "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    const sourceId = attr(find(action, "SourceLocation"), "resid");
    const urls = all(overrides, "Url").map((u) => [attr(u, "id"), attr(u, "DefaultValue")]);
    expect(urls).toContainEqual([sourceId, "https://localhost:3000/taskpane.html"]);
  });

  it("defines every resource the ribbon refers to, once, in the basic-types namespace", () => {
    const overrides = find(app, "VersionOverrides");
    expect(attr(app, "xmlns:bt")).toBe(NS_BT);
    const defined = new Set<string>();
    for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      for (const r of childElements(find(overrides, "Resources", kind))) {
        const id = attr(r, "id") ?? "";
        expect(r.name.startsWith("bt:")).toBe(true);
        expect(defined.has(id)).toBe(false);
        defined.add(id);
      }
    }
    const used = [...manifestXml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id as string)).toBe(true);
  });

  it("points every icon at a PNG in assets/ of the size it claims (16, 32, 64, 80)", () => {
    const icons: [string, number][] = [
      [attr(find(app, "IconUrl"), "DefaultValue") ?? "", 32],
      [attr(find(app, "HighResolutionIconUrl"), "DefaultValue") ?? "", 64],
    ];
    const overrides = find(app, "VersionOverrides");
    for (const image of childElements(find(overrides, "Resources", "Images"))) {
      const size = Number(/(\d+)x\1/.exec(attr(image, "id") ?? "")?.[1]);
      icons.push([attr(image, "DefaultValue") ?? "", size]);
    }
    const sizes = new Set<number>();
    for (const [url, size] of icons) {
      expect(url.startsWith("https://localhost:3000/assets/")).toBe(true);
      const file = path.join(root, url.replace("https://localhost:3000/", ""));
      expect(pngSize(file)).toEqual({ width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });

  it("uses only https://localhost:3000 URLs, which the production build replaces everywhere", async () => {
    const urls = [...manifestXml.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    const own = urls.filter((u) => !u.startsWith("https://localhost:3000"));
    expect(own).toEqual([]);
    const published = manifestForUrl(manifestXml, "https://plans.example.org/addin");
    expect(published).not.toContain("localhost");
    expect(published).toContain('DefaultValue="https://plans.example.org/addin/taskpane.html"');
    expect(published).toContain("<AppDomain>https://plans.example.org</AppDomain>");
    expect((await validate(published)).valid).toBe(true);
    expect(() => manifestForUrl(manifestXml, "http://plans.example.org/")).toThrow(/https/);
  });

  it("the diagnostics manifest is valid, has its own Id and name, and opens the diagnostics page", async () => {
    const xml = diagnosticsManifest(manifestXml);
    expect((await validate(xml)).valid).toBe(true);
    expect(xml).not.toContain(ADDIN_ID);
    expect(xml).toMatch(/<Id>[0-9a-f-]{36}<\/Id>/);
    expect(xml).toContain('<DisplayName DefaultValue="PlanAssist diagnostics"/>');
    expect(xml).not.toContain("taskpane.html");
    expect(xml).toContain('DefaultValue="https://localhost:3000/diagnostics.html"');
  });
});
