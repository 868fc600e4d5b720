/**
 * TienDoNV: the unit's progress on every key task it leads or co-owns in the period, one row per task — its id,
 * name, role, deadline and expected product (read-only), then the inputs: state (a list of the six states), percent
 * (0–100), milestone reached, product delivered, evidence and its link or document number, obstacles, proposals
 * (kiến nghị), completion date and the justification a late task needs. Each input has a defined name
 * CT_task_<id>_<field> and a data validation; the sheet is protected like the entry sheet. Fillable without the
 * add-in; a unit without tasks gets the sheet with a line saying so.
 */
import {
  TASK_PROGRESS_FIELDS,
  TASK_STATE_LABELS,
  TASK_STATES,
  TASK_TEXT_LIMIT,
  formatDeadline,
  periodLabel,
  type Period,
  type TaskProgress,
  type TaskProgressField,
  type UnitTask,
} from "../../domain";
import type { CellSpec, NameSpec, SheetSpec, ValidationSpec } from "./spec";
import { COLORS } from "./styles";

export const TASK_SHEET = "TienDoNV";
export const TASK_FIRST_ROW = 6;

/** Columns of the task sheet: information first (A–E), then one per progress field. */
export const TASK_COLUMNS_AT = {
  id: "A",
  name: "B",
  role: "C",
  deadline: "D",
  product: "E",
  state: "F",
  percent: "G",
  milestone: "H",
  productDelivered: "I",
  evidence: "J",
  evidenceRef: "K",
  obstacles: "L",
  proposals: "M",
  completedOn: "N",
  justification: "O",
} as const;

/** The inputs of a task row, in column order F–O: the domain's progress fields, one column each. */
export const TASK_INPUTS: readonly TaskProgressField[] = TASK_PROGRESS_FIELDS;

const HEADERS: Record<keyof typeof TASK_COLUMNS_AT, { vi: string; en: string }> = {
  id: { vi: "Mã", en: "Id" },
  name: { vi: "Nhiệm vụ", en: "Task" },
  role: { vi: "Vai trò", en: "Role" },
  deadline: { vi: "Thời hạn", en: "Deadline" },
  product: { vi: "Sản phẩm phải có", en: "Expected product" },
  state: { vi: "Trạng thái", en: "State" },
  percent: { vi: "Tiến độ (%)", en: "Progress (%)" },
  milestone: { vi: "Mốc đã đạt", en: "Milestone reached" },
  productDelivered: { vi: "Sản phẩm đã có", en: "Product delivered" },
  evidence: { vi: "Minh chứng", en: "Evidence" },
  evidenceRef: { vi: "Đường dẫn / số văn bản", en: "Link / document no." },
  obstacles: { vi: "Khó khăn, vướng mắc", en: "Obstacles" },
  proposals: { vi: "Kiến nghị", en: "Proposals" },
  completedOn: { vi: "Ngày hoàn thành", en: "Completed on" },
  justification: { vi: "Lý do chậm (nếu quá hạn)", en: "Why late (if past deadline)" },
};

export function taskName(taskId: string, field: TaskProgressField): string {
  return `CT_task_${taskId}_${field}`;
}

const TASK_NAME_RE = new RegExp(`^CT_task_([A-Za-z0-9.-]+)_(${TASK_PROGRESS_FIELDS.join("|")})$`);
export function parseTaskName(name: string): { taskId: string; field: TaskProgressField } | null {
  const m = TASK_NAME_RE.exec(name);
  return m ? { taskId: m[1] as string, field: m[2] as TaskProgressField } : null;
}

function validationOf(field: TaskProgressField, address: string): ValidationSpec {
  const h = HEADERS[field];
  const bad = { title: "Giá trị không hợp lệ", text: "" };
  if (field === "state") {
    const list = TASK_STATES.map((s) => TASK_STATE_LABELS[s].vi);
    return {
      address,
      kind: "list",
      list,
      prompt: {
        title: h.vi,
        text: `Chọn một trạng thái.\nPick a state: ${TASK_STATES.map((s) => TASK_STATE_LABELS[s].en).join(", ")}.`,
      },
      error: { ...bad, text: "Chỉ chọn trong danh sách.\nPick a value from the list." },
    };
  }
  if (field === "percent")
    return {
      address,
      kind: "decimal",
      min: 0,
      max: 100,
      prompt: { title: h.vi, text: "Từ 0 đến 100.\nFrom 0 to 100." },
      error: { ...bad, text: "Tiến độ phải từ 0 đến 100.\nProgress must be between 0 and 100." },
    };
  const max = field === "completedOn" ? 10 : TASK_TEXT_LIMIT;
  return {
    address,
    kind: "textLength",
    min: 0,
    max,
    prompt: {
      title: h.vi.slice(0, 32),
      text:
        field === "completedOn"
          ? "Ngày/tháng/năm, ví dụ 30/06/2026.\nDay/month/year, e.g. 30/06/2026."
          : `${h.vi}: tối đa ${max} ký tự.\n${h.en}: at most ${max} characters.`,
    },
    error: { ...bad, text: `Tối đa ${max} ký tự.\nAt most ${max} characters.` },
  };
}

const cellText = (v: unknown): string | number | null => (typeof v === "string" || typeof v === "number" ? v : null);

export function taskSheet(
  period: Period,
  demo: boolean,
  tasks: readonly UnitTask[],
  values: readonly TaskProgress[] | undefined,
  names: NameSpec[],
): SheetSpec {
  const cells: CellSpec[] = [
    { address: "A1", value: `TIẾN ĐỘ NHIỆM VỤ TRỌNG TÂM — ${periodLabel(period, "vi")}`, style: "title" },
    {
      address: "A2",
      value: `Key-task progress — ${periodLabel(period, "en")}. "Hoàn thành" cần sản phẩm và ngày hoàn thành; quá hạn mà chưa xong cần lý do. / "Done" needs the product and the date; past the deadline and not done needs a reason.`,
      style: "subtitle",
    },
  ];
  const cols = Object.entries(TASK_COLUMNS_AT) as [keyof typeof TASK_COLUMNS_AT, string][];
  for (const [k, c] of cols) {
    cells.push({ address: `${c}4`, value: HEADERS[k].vi, style: "headerVi" });
    cells.push({ address: `${c}5`, value: HEADERS[k].en, style: "headerEn" });
  }
  const validations: ValidationSpec[] = [];
  const byId = new Map((values ?? []).map((v) => [v.taskId, v]));
  if (tasks.length === 0)
    cells.push({
      address: `A${TASK_FIRST_ROW}`,
      value: "Đơn vị không có nhiệm vụ trọng tâm trong kỳ này. / The unit has no key task in this period.",
      style: "hint",
    });
  tasks.forEach((ut, i) => {
    const r = TASK_FIRST_ROW + i;
    const t = ut.task;
    cells.push(
      { address: `A${r}`, value: t.id, style: "id" },
      { address: `B${r}`, value: `${t.name.vi}\n${t.name.en}`, style: "label" },
      { address: `C${r}`, value: ut.role === "lead" ? "Chủ trì / Lead" : "Phối hợp / Co-owner", style: "info" },
      { address: `D${r}`, value: t.deadline ? formatDeadline(t.deadline, "vi") : "—", style: "info" },
      { address: `E${r}`, value: t.product ?? "—", style: "label" },
    );
    const v = byId.get(t.id);
    for (const f of TASK_INPUTS) {
      const address = `${TASK_COLUMNS_AT[f]}${r}`;
      let value: string | number | null = cellText(v?.[f]);
      if (f === "state" && v?.state) value = TASK_STATE_LABELS[v.state].vi;
      cells.push({ address, value, style: f === "percent" ? "inputNumber" : "inputText" });
      names.push({ name: taskName(t.id, f), sheet: TASK_SHEET, address });
      validations.push(validationOf(f, address));
    }
  });
  return {
    name: TASK_SHEET,
    role: "tasks",
    ...(demo ? { tabColor: COLORS.tabDemo } : {}),
    columnWidths: [9, 40, 14, 14, 28, 18, 10, 20, 28, 28, 22, 28, 28, 14, 30],
    cells,
    merges: [],
    validations,
    conditionalFormats: [],
    freeze: { rows: 5, columns: 2 },
    print: { orientation: "landscape", paper: "A4", titleRows: [4, 5], fitToWidth: true },
    protect: true,
  };
}
