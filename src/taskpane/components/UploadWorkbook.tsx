/**
 * For clerks without a supported Excel (Office 2013/2016 without updates, LibreOffice, WPS): upload the filled .xlsx
 * made by any program. The workbook is read in the browser with the same reader as the endpoint and the CLI, its
 * figures become the pane's report (the browser preview), and from there everything is the add-in's own path: every
 * issue by cell, justifications and not-applicable reasons typed in the form, the same rules, receipt and
 * idempotency on submit.
 */
import * as React from "react";
import { Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import { isAppError } from "../../domain/errors";
import { parsePeriod } from "../../domain";
import { buildTemplateSpec } from "../../workbook/template";
import type { ReadOptions, WorkbookRead } from "../../workbook/xlsx/read-workbook";
import type { UploadWorkbookProps } from "./UploadWorkbook.types";

export type { UploadWorkbookProps };
import { describeError } from "../api";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

async function browserReader(bytes: Uint8Array, opts: ReadOptions): Promise<WorkbookRead> {
  const { readWorkbookInBrowser } = await import("../../workbook/xlsx/browser-inflate");
  return readWorkbookInBrowser(bytes, opts);
}

/** The file's bytes (FileReader where Blob.arrayBuffer is missing). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

export function UploadWorkbook(props: UploadWorkbookProps): React.JSX.Element {
  const { preview, catalog, unit, units, onLoaded } = props;
  const i18n = useI18n();
  const styles = useStyles();
  const [error, setError] = React.useState<string | null>(null);
  const [loaded, setLoaded] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const read = props.readWorkbook ?? browserReader;
  const inputId = React.useId();

  const handleChange = React.useCallback(
    async (ev: React.ChangeEvent<HTMLInputElement>) => {
      const file = ev.target.files?.[0];
      ev.target.value = "";
      if (!file) return;
      setBusy(true);
      setError(null);
      setLoaded(null);
      try {
        const bytes = await bytesOf(file);
        const wb = await read(bytes, { catalog, units });
        if (wb.identity.unitCode !== unit.code) {
          setError(i18n.t("upload.otherUnit", { file: file.name, found: wb.identity.unitCode, unit: unit.code }));
          return;
        }
        const period = parsePeriod(wb.identity.period);
        if (!period) {
          setError(i18n.t("upload.badPeriod", { file: file.name, period: wb.identity.period }));
          return;
        }
        const unitInfo: Partial<Record<"preparer" | "approver" | "phone", string>> = {};
        for (const k of ["preparer", "approver", "phone"] as const) {
          const v = wb.unitSheet[k];
          if (v) unitInfo[k] = v;
        }
        const spec = buildTemplateSpec({ catalog, unit, period, locale: wb.locale, values: wb.entries, unitInfo });
        await preview.replaceReport(spec);
        setLoaded(i18n.t("upload.loaded", { file: file.name, period: period.id }));
        onLoaded(period.id);
      } catch (e) {
        setError(isAppError(e) ? i18n.b(e.messages) : describeError(e, i18n));
      } finally {
        setBusy(false);
      }
    },
    [read, catalog, units, unit, preview, onLoaded, i18n],
  );

  return (
    <div className={styles.root}>
      <Field
        label={{ children: i18n.t("upload.label"), htmlFor: inputId }}
        hint={i18n.t("upload.hint")}
        validationState={error ? "error" : loaded ? "success" : "none"}
        validationMessage={error ?? loaded ?? undefined}
      >
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(ev) => void handleChange(ev)}
        />
      </Field>
      {busy && <Text size={200}>{i18n.t("upload.reading")}</Text>}
    </div>
  );
}
