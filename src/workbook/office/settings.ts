/**
 * Settings kept in the workbook itself (Office document settings): the offline submission queue and the connection.
 * They travel with the file, so a queued submission survives closing Excel and clearing the browser's storage.
 */
import type { QueuedSubmission } from "../port";
import { workbookErrors } from "../errors";

export const QUEUE_KEY = "chitieu.queue";
const PREFIX = "chitieu.";

function settings(): Office.Settings {
  return Office.context.document.settings;
}

function save(): Promise<void> {
  return new Promise((resolve, reject) => {
    settings().saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else
        reject(
          workbookErrors.excelFailed(
            "lưu cài đặt / save settings",
            result.error ? result.error.message : "saveAsync failed",
          ),
        );
    });
  });
}

export async function loadSetting<T>(key: string): Promise<T | null> {
  const v = settings().get(PREFIX + key) as T | null | undefined;
  return v === undefined ? null : v;
}

export async function saveSetting<T>(key: string, value: T): Promise<void> {
  if (value === null || value === undefined) settings().remove(PREFIX + key);
  else settings().set(PREFIX + key, value);
  await save();
}

export async function loadQueue(): Promise<QueuedSubmission[]> {
  const v = settings().get(QUEUE_KEY) as QueuedSubmission[] | null | undefined;
  return Array.isArray(v) ? v : [];
}

export async function saveQueue(queue: QueuedSubmission[]): Promise<void> {
  settings().set(QUEUE_KEY, queue);
  await save();
}
