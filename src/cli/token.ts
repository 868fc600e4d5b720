import { parseCommand } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { isAppError } from "../domain/errors";
import { connect, migrateToLatest, resolveDbConfig, type DbHandle } from "../server/db/connect";
import { seedReferenceData } from "../server/db/seed";
import { allTokens, issueToken, revokeToken, rotateToken } from "../server/services/token-admin";
import { resolvePepper, ROLES, type Role } from "../server/tokens";

const HELP = `chitieu token issue --unit 00004 [--label "…"] [--expires 365|never]   a unit token (prints only the token)
chitieu token issue --role planner|admin [--label "…"] [--expires DAYS|never]
chitieu token issue --role planner --demo [--label "…"]
                  a classroom planner token: it sees and acts on demo units only (a demo unit's token is demo
                  by itself)
chitieu token rotate <token id> [--overlap 7] [--expires DAYS|never]
                  a successor for the same unit/role, working at once; the old token keeps working
                  --overlap days (default 7), then expires — no downtime while clients switch
chitieu token revoke <token id, id prefix or token>
chitieu token list [--json]

Writes the database directly: --db <sqlite file> (or CHITIEU_DB), or DATABASE_URL for PostgreSQL.
The pepper (CHITIEU_TOKEN_PEPPER) must be the server's.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      unit: { type: "string" },
      role: { type: "string" },
      label: { type: "string" },
      db: { type: "string" },
      json: { type: "boolean" },
      expires: { type: "string" },
      overlap: { type: "string" },
      demo: { type: "boolean" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action, arg] = positionals;
  if (!action || !["issue", "revoke", "list", "rotate"].includes(action)) {
    io.stderr.write(HELP);
    return 2;
  }
  if (!values.db && !io.env.DATABASE_URL && !io.env.CHITIEU_DB) {
    printBilingual(
      io.stderr,
      {
        vi: "Cần biết cơ sở dữ liệu: thêm --db <tệp sqlite> hoặc đặt DATABASE_URL (PostgreSQL).",
        en: "Which database? Add --db <sqlite file> or set DATABASE_URL (PostgreSQL).",
      },
      "✖ ",
    );
    return 2;
  }
  const role = (values.role ?? (values.unit ? "unit" : undefined)) as Role | undefined;
  if (action === "issue" && (!role || !ROLES.includes(role))) {
    printBilingual(
      io.stderr,
      {
        vi: `Loại mã không hợp lệ: “${values.role ?? ""}”. Dùng --unit <mã đơn vị> hoặc --role planner|admin.`,
        en: `Unknown role “${values.role ?? ""}”. Use --unit <unit code> or --role planner|admin.`,
      },
      "✖ ",
    );
    return 2;
  }
  const expires = parseDays(values.expires, "--expires", true);
  const overlap = parseDays(values.overlap, "--overlap", false);
  if (expires === "bad" || overlap === "bad") {
    printBilingual(
      io.stderr,
      {
        vi: "--expires cần số ngày (1–3650) hoặc never; --overlap cần số ngày (1–3650).",
        en: "--expires takes a number of days (1–3650) or never; --overlap a number of days (1–3650).",
      },
      "✖ ",
    );
    return 2;
  }
  if ((action === "revoke" || action === "rotate") && !arg) {
    printBilingual(
      io.stderr,
      { vi: "Cần mã (id) của mã truy cập cần thu hồi.", en: "Give the id of the token to revoke." },
      "✖ ",
    );
    return 2;
  }
  const handle = await connect(resolveDbConfig(io.env, { db: values.db, cwd: io.cwd }));
  try {
    return await act(action, arg, { ...values, expires, overlap }, role, handle, io);
  } catch (e) {
    if (!isAppError(e)) throw e;
    printBilingual(io.stderr, e.messages, "✖ ");
    return 1;
  } finally {
    await handle.close();
  }
}

async function act(
  action: string,
  arg: string | undefined,
  values: {
    unit?: string;
    label?: string;
    json?: boolean;
    expires?: number | null;
    overlap?: number | null;
    demo?: boolean;
  },
  role: Role | undefined,
  handle: DbHandle,
  io: CliIo,
): Promise<number> {
  await migrateToLatest(handle);
  const now = new Date().toISOString();
  await seedReferenceData(handle.db, now);
  const pepper = resolvePepper(io.env);
  if (action === "issue") {
    const issued = await issueToken(
      handle.db,
      pepper,
      {
        role: role as Role,
        unitCode: values.unit,
        label: values.label,
        expiresInDays: values.expires,
        demo: values.demo === true,
      },
      now,
    );
    io.stdout.write(`${issued.token}\n`);
    printBilingual(io.stderr, {
      vi: `Đã cấp mã ${issued.id} (${issued.role}${issued.unitCode ? ` ${issued.unitCode}` : ""}${issued.demo ? ", trình diễn" : ""}). Mã chỉ hiện một lần.`,
      en: `Issued token ${issued.id} (${issued.role}${issued.unitCode ? ` ${issued.unitCode}` : ""}${issued.demo ? ", demo" : ""}). It is shown only once.`,
    });
    return 0;
  }
  if (action === "rotate") {
    const { old, issued } = await rotateToken(handle.db, pepper, arg as string, now, {
      overlapDays: values.overlap ?? undefined,
      expiresInDays: values.expires,
    });
    io.stdout.write(`${issued.token}\n`);
    printBilingual(io.stderr, {
      vi: `Đã cấp mã ${issued.id} thay mã ${old.id} (hết hạn ${issued.expiresAt ?? "không bao giờ"}). Mã cũ vẫn dùng được đến ${old.expiresAt}; thu hồi sớm hơn bằng “chitieu token revoke ${old.id}”.`,
      en: `Issued token ${issued.id} to replace ${old.id} (expires ${issued.expiresAt ?? "never"}). The old token keeps working until ${old.expiresAt}; revoke it sooner with “chitieu token revoke ${old.id}”.`,
    });
    return 0;
  }
  if (action === "revoke") {
    const info = await revokeToken(handle.db, arg as string, now);
    printBilingual(io.stdout, {
      vi: `Đã thu hồi mã ${info.id} (${info.role}${info.unitCode ? ` ${info.unitCode}` : ""}) lúc ${info.revokedAt}.`,
      en: `Revoked token ${info.id} (${info.role}${info.unitCode ? ` ${info.unitCode}` : ""}) at ${info.revokedAt}.`,
    });
    return 0;
  }
  const tokens = await allTokens(handle.db);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    `${"id".padEnd(12)}${"role".padEnd(9)}${"unit".padEnd(10)}${"created".padEnd(26)}${"revoked".padEnd(26)}${"expires".padEnd(26)}label\n`,
  );
  for (const t of tokens) {
    io.stdout.write(
      `${t.id.padEnd(12)}${t.role.padEnd(9)}${(t.unitCode ?? "-").padEnd(10)}${t.createdAt.padEnd(26)}${(t.revokedAt ?? "-").padEnd(26)}${(t.expiresAt ?? "never").padEnd(26)}${t.label}\n`,
    );
  }
  return 0;
}

/** "30" → 30; "never" → null (when allowed); absent → undefined (the default); anything else → "bad". */
function parseDays(text: string | undefined, _flag: string, neverAllowed: boolean): number | null | undefined | "bad" {
  if (text === undefined) return undefined;
  if (neverAllowed && text.trim().toLowerCase() === "never") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : "bad";
}
