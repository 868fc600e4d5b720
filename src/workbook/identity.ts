/**
 * The template's identity as a custom XML part (namespace TEMPLATE_NS). Both writers store exactly this text and both
 * readers parse it, so each side recognises the other's workbook.
 */
/** The identity of a template workbook, kept in a custom XML part (namespace TEMPLATE_NS) by both writers. */
export interface TemplateIdentity {
  templateVersion: string;
  catalogVersion: string;
  unitCode: string;
  period: string;
  /** true when the workbook belongs to a demo unit / demo period (training). */
  demo: boolean;
}

export const TEMPLATE_NS = "urn:chitieu:template:v1";

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") {
      // a reference beyond Unicode (&#x110000;) or to a surrogate is kept as U+FFFD, which the text rules refuse by cell
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
    }
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function identityToXml(id: TemplateIdentity): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<template xmlns="${TEMPLATE_NS}">` +
    `<templateVersion>${escapeXml(id.templateVersion)}</templateVersion>` +
    `<catalogVersion>${escapeXml(id.catalogVersion)}</catalogVersion>` +
    `<unitCode>${escapeXml(id.unitCode)}</unitCode>` +
    `<period>${escapeXml(id.period)}</period>` +
    `<demo>${id.demo ? "true" : "false"}</demo>` +
    `</template>`
  );
}

const ELEMENT_RE = new Map<string, RegExp>();

function element(xml: string, name: string): string | null {
  // tolerate a namespace prefix added by another writer: <ct:unitCode>…</ct:unitCode>
  let re = ELEMENT_RE.get(name);
  if (!re) {
    re = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${name}>`);
    ELEMENT_RE.set(name, re);
  }
  const m = re.exec(xml);
  return m ? unescapeXml(m[1]).trim() : null;
}

/** Parse our identity part; null when the XML is not ours (other namespace) or incomplete. */
export function identityFromXml(xml: string): TemplateIdentity | null {
  if (xml.indexOf(TEMPLATE_NS) < 0) return null;
  const templateVersion = element(xml, "templateVersion");
  const catalogVersion = element(xml, "catalogVersion");
  const unitCode = element(xml, "unitCode");
  const period = element(xml, "period");
  const demo = element(xml, "demo");
  if (!templateVersion || !catalogVersion || !unitCode || !period) return null;
  return { templateVersion, catalogVersion, unitCode, period, demo: demo === "true" || demo === "1" };
}
