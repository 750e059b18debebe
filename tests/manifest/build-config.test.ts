/**
 * The settings the build, the development server and the browser-test server share: each page's
 * Content Security Policy and which page a request path belongs to.
 */
const { contentSecurityPolicy, pageOfPath, normalisePublicUrl, deploymentProblem } =
  require("../../scripts/web-config.cjs") as {
    contentSecurityPolicy(page: string): string;
    pageOfPath(path: string): string;
    normalisePublicUrl(url: string): string;
    deploymentProblem(url: string): string | undefined;
  };
type WebpackConfig = { output: { publicPath: string } };
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => WebpackConfig;

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

describe("a build for deployment", () => {
  it("loads scripts relative to the page, so the add-in can be served from a sub-path", () => {
    const config = makeConfig(
      { publicUrl: "https://plans.example.org/sub/path/" },
      { mode: "production" },
    );
    expect(config.output.publicPath).toBe("auto");
  });

  it("refuses a production build whose manifest would still point at localhost, saying what to do", () => {
    const saved = process.env.PLANASSIST_PUBLIC_URL;
    delete process.env.PLANASSIST_PUBLIC_URL;
    try {
      expect(() => makeConfig({}, { mode: "production" })).toThrow(/PLANASSIST_PUBLIC_URL/);
      expect(() =>
        makeConfig({ publicUrl: "https://localhost:3000/" }, { mode: "production" }),
      ).toThrow(/local address/);
      // A local trial (and the browser tests' build) says so explicitly.
      expect(() => makeConfig({ local: true }, { mode: "production" })).not.toThrow();
      expect(() => makeConfig({}, { mode: "development" })).not.toThrow();
    } finally {
      if (saved !== undefined) process.env.PLANASSIST_PUBLIC_URL = saved;
    }
  });

  it("explains each unusable public URL in a sentence", () => {
    expect(deploymentProblem("")).toMatch(/not set.*localhost.*build:local/);
    expect(deploymentProblem("http://plans.example.org/")).toMatch(/https/);
    expect(deploymentProblem("https://127.0.0.1/addin/")).toMatch(/local address/);
    expect(deploymentProblem("https://plans.example.org/sub/path/")).toBeUndefined();
  });
});
