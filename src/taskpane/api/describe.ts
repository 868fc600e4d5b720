import { isAppError } from "../../domain/errors";
import type { I18n } from "../i18n";
import type { Bilingual } from "../../domain/types";
import { isApiError } from "./client";

function isBilingual(m: unknown): m is Bilingual {
  return !!m && typeof (m as Bilingual).vi === "string" && typeof (m as Bilingual).en === "string";
}

/** The sentence the pane shows for a failure: our own explanation for network and token problems, the endpoint's
 * own bilingual message for problem+json answers. */
export function describeError(e: unknown, i18n: I18n): string {
  // the workbook's and the domain's failures carry their own message in both languages
  if (isAppError(e)) return i18n.b(e.messages);
  if (!isApiError(e)) return e instanceof Error ? e.message : String(e);
  const url = e.endpoint;
  switch (e.kind) {
    case "invalid_url":
      return typeof e.details.panePage === "string"
        ? i18n.t("connect.error.panePage", { url, endpoint: e.details.panePage })
        : i18n.t("connect.error.badUrl", { url });
    case "insecure":
      return i18n.t("connect.error.insecure", { url });
    case "unreachable":
      // an endpoint this page reached before (or that served it) is stopped, never a certificate problem
      return e.details.stopped === true
        ? i18n.t("connect.error.stopped", { url })
        : i18n.t("connect.error.unreachable", { url });
    case "certificate":
      return typeof e.details.page === "string"
        ? i18n.t("connect.error.wrongHost", { url, page: e.details.page })
        : i18n.t("connect.error.certificate", { url });
    case "timeout":
      return i18n.t("connect.error.timeout", { url, seconds: Number(e.details.seconds ?? 15) });
    case "unauthorized":
      return i18n.t("connect.error.unauthorized");
    case "forbidden":
      return e.problem ? i18n.b(e.problem) : i18n.t("connect.error.forbidden");
    case "problem": {
      if (!e.problem) return `${e.code ?? ""} (HTTP ${e.status ?? "?"})`;
      // a request refused for its shape (e.g. a phone on the unit sheet pasted past 200 characters): each issue's
      // own message names the field, which the general message cannot
      const fields = e.code === "CT_REQUEST_INVALID" ? e.issues.map((i) => i.message).filter(isBilingual) : [];
      return [i18n.b(e.problem), ...fields.map((m) => i18n.b(m))].join(" ");
    }
    case "bad_response":
      return e.problem ? i18n.b(e.problem) : i18n.t("connect.error.badResponse", { url, status: e.status ?? "?" });
  }
}
