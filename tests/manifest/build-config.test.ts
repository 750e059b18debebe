/**
 * The settings the build, the development server and the browser-test server share: each page's
 * Content Security Policy and which page a request path belongs to.
 */
const { contentSecurityPolicy, pageOfPath, normalisePublicUrl } =
  require("../../scripts/web-config.cjs") as {
    contentSecurityPolicy(page: string): string;
    pageOfPath(path: string): string;
    normalisePublicUrl(url: string): string;
  };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the pages' Content Security Policy", () => {
  it.each(["taskpane", "commands", "preview"])("never allows eval on the %s page", (page) => {
    const policy = contentSecurityPolicy(page);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives(policy).get("object-src")).toEqual(["'none'"]);
  });

  it("lets the pages inside Office load Office.js from Microsoft's CDN and nothing else from outside", () => {
    for (const page of ["taskpane", "commands"]) {
      const origins = new Set(contentSecurityPolicy(page).match(/https?:\/\/[^\s;]+/g));
      expect([...origins]).toEqual(["https://appsforoffice.microsoft.com"]);
    }
  });

  it("gives the preview no origin but its own", () => {
    const policy = contentSecurityPolicy("preview");
    expect(policy).not.toMatch(/https?:/);
    expect(directives(policy).get("script-src")).toEqual(["'self'"]);
    expect(directives(policy).get("connect-src")).toEqual(["'self'"]);
  });

  it("finds the page of a request path, query strings included", () => {
    expect(pageOfPath("/preview.html")).toBe("preview");
    expect(pageOfPath("/preview.html?file=x")).toBe("preview");
    expect(pageOfPath("/commands.html")).toBe("commands");
    expect(pageOfPath("/taskpane.html")).toBe("taskpane");
    expect(pageOfPath("/previewer.html")).toBe("taskpane");
  });

  it("accepts only https public URLs and ends them with one slash", () => {
    expect(normalisePublicUrl("https://plans.example.org/addin")).toBe(
      "https://plans.example.org/addin/",
    );
    expect(() => normalisePublicUrl("ftp://plans.example.org/")).toThrow(/https/);
  });
});
