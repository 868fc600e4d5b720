import { isAppError } from "../domain/errors";
import { HistoryResponse, paths } from "../api";
import { answerOf, refusal } from "./client";
import { printBilingual, type CliIo } from "./io";
import { clientFromFlags, parseCommand, usageError } from "./flags";

const HELP = `chitieu history --unit 00004 --period 2026-Q1 --endpoint URL --token T [--ca file] [--json]

Lists every stored revision of a report (number, submission id, time, on time or late, client) and the planner's
actions (returned, accepted, unlocked). Exit 1 when the endpoint refuses (e.g. another unit's report).
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    options: {
      unit: { type: "string" },
      period: { type: "string" },
      endpoint: { type: "string" },
      token: { type: "string" },
      ca: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (!values.unit || !values.period) {
    return usageError(io, "Cần --unit và --period.", "Both --unit and --period are needed.", HELP);
  }
  const client = clientFromFlags(values, io, HELP, "chitieu-cli history");
  if (!client) return 2;
  try {
    const res = await client.request("GET", paths.reportHistory(values.unit, values.period));
    if (res.status !== 200) {
      if (!values.json) return refusal(io, res);
      io.stdout.write(`${JSON.stringify(res.json, null, 2)}\n`);
      return 1;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(res.json, null, 2)}\n`);
      return 0;
    }
    const h = answerOf(client, res, HistoryResponse);
    printBilingual(io.stdout, {
      vi: `Báo cáo ${h.unitCode} kỳ ${h.period}: ${h.revisions.length} lần gửi`,
      en: `Report ${h.unitCode} for ${h.period}: ${h.revisions.length} revision(s)`,
    });
    io.stdout.write(
      `${"rev".padEnd(5)}${"submission id".padEnd(38)}${"received".padEnd(26)}${"on time".padEnd(9)}client\n`,
    );
    for (const r of h.revisions) {
      io.stdout.write(
        `${String(r.revision).padEnd(5)}${r.submissionId.padEnd(38)}${r.receivedAt.padEnd(26)}${(r.onTime ? "yes" : "late").padEnd(9)}${r.client ?? ""}\n`,
      );
    }
    for (const e of h.events) {
      const note = String(e.details.comment ?? e.details.reason ?? "");
      io.stdout.write(`${e.at}  ${e.action}${note ? ` — ${note}` : ""}\n`);
    }
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    printBilingual(io.stderr, e.messages, "✖ ");
    return e.code === "CT_ENDPOINT_UNREACHABLE" || e.code === "CT_TLS_UNTRUSTED" ? 3 : 1;
  }
}
