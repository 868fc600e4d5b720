/**
 * `chitieu manifest --public-url https://host/ [-o manifest.xml]`: the add-in manifest for a deployment. Every URL of
 * the packaged manifest (task pane, help page, icons) and its AppDomain are moved from the development address
 * (https://localhost:3000/) to the public one, and the result is checked against the Office manifest XSD with xmllint
 * when the schema is at hand (../shared/office-manifest-xsd, or CHITIEU_MANIFEST_XSD).
 */
import { spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Bilingual } from "../domain/types";
import { parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";

export const DEV_URL = "https://localhost:3000/";

const HELP = `chitieu manifest --public-url https://host/ [-o manifest.xml]
  writes the add-in manifest for the public address the endpoint serves the add-in at (stdout without -o);
  every URL and the AppDomain point there, and the result is checked against the Office XSD (xmllint) when present
`;

/** The package root (where manifest.xml lives), from src/cli or dist/node/cli. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, "manifest.xml")) && existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`manifest.xml not found above ${from}`);
}

/** The public URL, checked: absolute https (http only for localhost), no query or fragment, ending with "/". */
export function checkPublicUrl(raw: string): { url: string } | { error: Bilingual } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return {
      error: {
        vi: `--public-url "${raw}" không phải là một địa chỉ. Hãy ghi đầy đủ, ví dụ https://chitieu.hanoi.gov.vn/`,
        en: `--public-url "${raw}" is not an address. Give it in full, e.g. https://chitieu.hanoi.gov.vn/`,
      },
    };
  }
  const local = u.hostname === "localhost" || u.hostname === "127.0.0.1";
  if (u.protocol !== "https:" && !(u.protocol === "http:" && local)) {
    return {
      error: {
        vi: `--public-url phải bắt đầu bằng https:// (Office chỉ nạp bổ trợ qua HTTPS), không phải "${u.protocol}".`,
        en: `--public-url must start with https:// (Office loads add-ins over HTTPS only), not "${u.protocol}".`,
      },
    };
  }
  if (u.search || u.hash || u.username || u.password) {
    return {
      error: {
        vi: "--public-url không được có tham số (?…), dấu # hay tên đăng nhập. Chỉ ghi địa chỉ nơi máy chủ phục vụ bổ trợ.",
        en: "--public-url may not carry a query (?…), a fragment (#) or credentials. Give only the address the endpoint serves the add-in at.",
      },
    };
  }
  const pathname = u.pathname.endsWith("/") ? u.pathname : `${u.pathname}/`;
  return { url: `${u.origin}${pathname}` };
}

/** The packaged manifest with every development URL moved to `publicUrl` (which ends with "/"). */
export function manifestFor(template: string, publicUrl: string): string {
  const origin = new URL(publicUrl).origin;
  return template
    .split(DEV_URL)
    .join(publicUrl)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

/** The XSD to check against: CHITIEU_MANIFEST_XSD, or ../shared/office-manifest-xsd beside the package. */
export function manifestXsd(env: NodeJS.ProcessEnv, root: string): string | null {
  const candidates = [
    env.CHITIEU_MANIFEST_XSD,
    path.join(root, "..", "shared", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd"),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/** xmllint's verdict on a manifest text: null when valid, else what it said. */
export async function schemaProblems(xml: string, xsd: string): Promise<string | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    await fs.writeFile(file, xml);
    const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { encoding: "utf8" });
    if (r.error) return `xmllint could not run (${r.error.message}): apt-get install -y libxml2-utils`;
    return r.status === 0 ? null : r.stderr.trim();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    options: {
      "public-url": { type: "string" },
      out: { type: "string", short: "o" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (!values["public-url"]) {
    printBilingual(
      io.stderr,
      {
        vi: "Thiếu --public-url: địa chỉ công khai nơi máy chủ phục vụ bổ trợ, ví dụ --public-url https://chitieu.hanoi.gov.vn/",
        en: "Missing --public-url: the public address the endpoint serves the add-in at, e.g. --public-url https://chitieu.hanoi.gov.vn/",
      },
      "✖ ",
    );
    io.stderr.write(HELP);
    return 2;
  }
  const checked = checkPublicUrl(values["public-url"]);
  if ("error" in checked) {
    printBilingual(io.stderr, checked.error, "✖ ");
    return 2;
  }
  const root = packageRoot();
  const xml = manifestFor(await fs.readFile(path.join(root, "manifest.xml"), "utf8"), checked.url);
  const xsd = manifestXsd(io.env, root);
  if (xsd) {
    const problem = await schemaProblems(xml, xsd);
    if (problem) {
      printBilingual(
        io.stderr,
        {
          vi: `Tệp kê khai không hợp lệ theo lược đồ Office: ${problem}`,
          en: `The manifest does not validate against the Office schema: ${problem}`,
        },
        "✖ ",
      );
      return 1;
    }
  }
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    await fs.writeFile(out, xml);
    printBilingual(io.stderr, {
      vi: `Đã ghi ${out} cho ${checked.url}${xsd ? " (hợp lệ theo lược đồ Office)" : " (không tìm thấy lược đồ XSD để kiểm tra)"}.`,
      en: `Wrote ${out} for ${checked.url}${xsd ? " (valid against the Office schema)" : " (no XSD found to check it against)"}.`,
    });
  } else {
    io.stdout.write(xml);
  }
  return 0;
}
