import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkPublicUrl, manifestFor, manifestXsd, packageRoot, run, schemaProblems } from "../../src/cli/manifest";
import { capture } from "./cli-fixture";

const root = packageRoot();
const template = () => fs.readFile(path.join(root, "manifest.xml"), "utf8");

/** Every URL the manifest holds, and its AppDomains. */
function urlsOf(xml: string): { urls: string[]; domains: string[] } {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
  return { urls, domains };
}

describe("chitieu manifest", () => {
  it("writes a manifest whose every URL and AppDomain is the public address, valid against the Office XSD", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-manifest-test-"));
    const c = capture(dir, process.env);
    expect(await run(["--public-url", "https://chitieu.hanoi.example/bao-cao", "-o", "m.xml"], c.io)).toBe(0);
    const xml = await fs.readFile(path.join(dir, "m.xml"), "utf8");
    const { urls, domains } = urlsOf(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith("https://chitieu.hanoi.example/bao-cao/")).toBe(true);
    expect(domains).toEqual(["https://chitieu.hanoi.example"]);
    expect(xml).not.toContain("localhost");
    // the pages it names are the ones the build serves
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://chitieu.hanoi.example/bao-cao/taskpane.html",
        "https://chitieu.hanoi.example/bao-cao/help.html",
      ]),
    );
    expect(c.err()).toContain("hợp lệ theo lược đồ Office");
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("checks the result with xmllint against ../shared/office-manifest-xsd (fails, never skips, without it)", async () => {
    const xsd = manifestXsd(process.env, root);
    expect(xsd).not.toBeNull();
    expect(await schemaProblems(manifestFor(await template(), "https://a.example/"), xsd as string)).toBeNull();
    // and xmllint really rejects a broken manifest
    const broken = (await template()).replace("<Version>", "<Versio>").replace("</Version>", "</Versio>");
    expect(await schemaProblems(broken, xsd as string)).toMatch(/Versio/);
  });

  it("keeps no dead parts: no FunctionFile, no commands page", async () => {
    const xml = await template();
    expect(xml).not.toContain("FunctionFile");
    expect(xml).not.toContain("commands.html");
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/help.html"\/>/);
    const help = await fs.readFile(path.join(root, "assets", "help.html"), "utf8");
    for (const text of ["Lấy mã truy cập", "Getting a token", "Whom to call", "Excel 2019", "ExcelApi 1.8"])
      expect(help).toContain(text);
  });

  it.each([
    ["ftp://host/", /https:\/\//],
    ["http://chitieu.example/", /https:\/\//],
    ["https://host/?a=1", /query/],
    ["not a url", /not an address/],
  ])("refuses %s with a bilingual message", (raw, message) => {
    const r = checkPublicUrl(raw);
    expect("error" in r && r.error.en).toMatch(message);
    expect("error" in r && r.error.vi.length).toBeGreaterThan(20);
  });

  it("asks for --public-url when it is missing (exit 2)", async () => {
    const c = capture(os.tmpdir(), {});
    expect(await run([], c.io)).toBe(2);
    expect(c.err()).toContain("Thiếu --public-url");
  });
});
