/**
 * `chitieu tasks edit|assign <id> --from P`: one task changed from a period on, as PUT /tasks/:id and
 * /tasks/:id/units do (issue #19) — the version in force then with the changes, checked by the task list's rules
 * (units by code or exact name, a deadline that is a date, linked targets of the catalog), stored as a new version
 * with its audit event. Earlier periods keep the version before.
 */
import { taskVersionAt, type Period, type Task } from "../domain";
import type { Locale } from "../domain/types";
import type { DbHandle } from "../server/db/connect";
import { loadTaskRegister } from "../server/db/tasks";
import { editTaskFrom } from "../server/services/tasks";
import { printBilingual, type CliIo } from "./io";
import { withReference } from "./table-io";

/** The flags `edit` and `assign` read; a flag given as "" clears an optional field. */
export interface EditFlags {
  db?: string;
  name?: string;
  "name-en"?: string;
  group?: string;
  "focal-person"?: string;
  product?: string;
  deadline?: string;
  targets?: string;
  bottleneck?: string;
  retire?: boolean;
  lead?: string;
  co?: string;
}

const EDIT_FLAGS = [
  "name",
  "name-en",
  "group",
  "focal-person",
  "product",
  "deadline",
  "targets",
  "bottleneck",
  "retire",
];
const list = (text: string): string[] =>
  text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** The changes the flags ask for, or the bilingual reason none can be made. */
export function changesOf(
  action: "edit" | "assign",
  v: EditFlags,
  from: Period,
): { changes: Partial<Task> } | { problem: { vi: string; en: string } } {
  if (action === "assign") {
    if (v.lead === undefined && v.co === undefined)
      return {
        problem: {
          vi: "Cần --lead <mã đơn vị chủ trì> và/hoặc --co <mã;mã> (để trống để bỏ).",
          en: 'Give --lead <lead unit code> and/or --co <code;code> ("" to clear).',
        },
      };
    return {
      changes: {
        ...(v.lead !== undefined ? { leadUnitCode: orNull(v.lead) } : {}),
        ...(v.co !== undefined ? { coUnitCodes: list(v.co) } : {}),
      },
    };
  }
  if (!EDIT_FLAGS.some((k) => v[k as keyof EditFlags] !== undefined))
    return {
      problem: {
        vi: "Không có thay đổi nào: thêm --name, --name-en, --group, --focal-person, --product, --deadline, --targets, --bottleneck hoặc --retire.",
        en: "Nothing to change: add --name, --name-en, --group, --focal-person, --product, --deadline, --targets, --bottleneck or --retire.",
      },
    };
  const changes: Partial<Task> = {};
  if (v.group !== undefined) changes.group = v.group.trim();
  if (v["focal-person"] !== undefined) changes.focalPerson = orNull(v["focal-person"]);
  if (v.product !== undefined) changes.product = orNull(v.product);
  if (v.deadline !== undefined) changes.deadline = orNull(v.deadline);
  if (v.targets !== undefined) changes.linkedTargets = list(v.targets);
  if (v.bottleneck !== undefined) changes.bottleneck = orNull(v.bottleneck) as Task["bottleneck"];
  if (v.retire) changes.retiredFrom = from.id;
  return { changes };
}

export async function runEdit(
  action: "edit" | "assign",
  taskId: string,
  from: Period,
  values: EditFlags,
  lang: Locale,
  io: CliIo,
): Promise<number> {
  const asked = changesOf(action, values, from);
  if ("problem" in asked) {
    printBilingual(io.stderr, asked.problem, "✖ ");
    return 2;
  }
  return withReference(values, io, async (handle, reference) => {
    const changes = asked.changes;
    const outcome = await editTaskFrom(handle.db, (work) => handle.db.transaction().execute(work), reference, {
      taskId,
      period: from,
      // a new name keeps the other language unless it is given too
      changes: await withName(changes, values, handle, taskId, from),
      tokenId: null,
      now: new Date().toISOString(),
    });
    if (outcome.kind === "not_found") {
      printBilingual(
        io.stderr,
        {
          vi: `Không có nhiệm vụ mã “${taskId}” trong danh mục (kỳ ${from.id}). Xem danh mục: chitieu tasks export -o danh-muc.csv --period ${from.id}.`,
          en: `There is no task “${taskId}” in the register (period ${from.id}). See it: chitieu tasks export -o tasks.csv --period ${from.id}.`,
        },
        "✖ ",
      );
      return 1;
    }
    if (outcome.kind === "invalid") {
      // the list's rules name a row and a column; one task has no rows, so only the column (the field) is said
      const field = (text: string) => text.replace(/^(Dòng|Row) \d+, (cột|column) /, "");
      for (const issue of outcome.issues) io.stdout.write(`✖ ${field(issue.message[lang])}\n`);
      printBilingual(io.stderr, {
        vi: `Không lưu thay đổi của nhiệm vụ ${taskId} (${outcome.issues.length} lỗi); danh mục không đổi. Sửa giá trị trên rồi chạy lại.`,
        en: `Task ${taskId} was not changed (${outcome.issues.length} problems); the register is as it was. Fix the values above and run again.`,
      });
      return 1;
    }
    const t = outcome.task;
    const units = [t.leadUnitCode ?? "—", ...t.coUnitCodes].join(", ");
    printBilingual(io.stdout, {
      vi: `Đã lưu nhiệm vụ ${t.id} từ kỳ ${from.id} (chủ trì, phối hợp: ${units}); các kỳ trước không đổi.`,
      en: `Stored task ${t.id} from ${from.id} (lead, co-units: ${units}); earlier periods do not change.`,
    });
    return 0;
  });
}

async function withName(
  changes: Partial<Task>,
  v: EditFlags,
  handle: DbHandle,
  taskId: string,
  from: Period,
): Promise<Partial<Task>> {
  if (v.name === undefined && v["name-en"] === undefined) return changes;
  const base = taskVersionAt(await loadTaskRegister(handle.db), taskId, from);
  if (!base) return changes;
  return { ...changes, name: { vi: v.name ?? base.name.vi, en: v["name-en"] ?? base.name.en } };
}
