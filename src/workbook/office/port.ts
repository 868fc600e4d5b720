/**
 * The WorkbookPort over live Excel: what the task pane receives as a prop. It remembers the spec of the template it
 * ensured, so marks and reads know the rows, and reads the identity from the custom XML part (falling back to the
 * unit sheet).
 */
import { defaultCatalog, defaultUnitRegistry, type Catalog, type UnitRegistry } from "../../domain";
import { workbookErrors } from "../errors";
import { identityFromXml } from "../identity";
import { TEMPLATE_NS, type TemplateIdentity, type WorkbookPort } from "../port";
import type { TemplateSpec } from "../template";
import {
  changesIn,
  markIssues,
  onEntriesChanged,
  readIdentityPart,
  readReport,
  readUnitContact,
  selectCell,
  writeEntries,
} from "./entries";
import { checkRequirements, type OfficeFeatures } from "./requirements";
import { loadQueue, loadSetting, saveQueue, saveSetting } from "./settings";
import { createOrRepairTemplate } from "./write-template";

export interface OfficePortOptions {
  catalog?: Catalog;
  units?: UnitRegistry;
  features?: OfficeFeatures;
}

export function createOfficeWorkbookPort(
  opts: OfficePortOptions = {},
): WorkbookPort & { readonly spec: TemplateSpec | null } {
  const catalog = opts.catalog ?? defaultCatalog();
  const units = opts.units ?? defaultUnitRegistry();
  const requirements = opts.features ? null : checkRequirements();
  const features = opts.features ?? requirements?.features ?? { printSetup: false };
  let spec: TemplateSpec | null = null;
  let identity: TemplateIdentity | null = null;

  async function currentIdentity(): Promise<TemplateIdentity | null> {
    if (identity) return identity;
    const xml = await readIdentityPart(TEMPLATE_NS);
    identity = xml ? identityFromXml(xml) : null;
    return identity;
  }

  return {
    get spec() {
      return spec;
    },
    async ensureTemplate(s) {
      if (requirements && !requirements.ok) throw workbookErrors.excelTooOld(requirements.missing);
      const status = await createOrRepairTemplate(s, { catalog, units, features });
      spec = s;
      identity = s.identity;
      return { identity: status.identity, repaired: status.repaired };
    },
    readIdentity: currentIdentity,
    async readEntries() {
      const id = (await currentIdentity()) ?? spec?.identity;
      if (!id) return [];
      return (await readReport({ catalog, units }, id)).entries;
    },
    readContact: readUnitContact,
    writeEntries,
    async markIssues(issues, assessments) {
      if (!spec) return;
      await markIssues(spec, issues, assessments);
    },
    selectCell,
    onEntriesChanged,
    loadQueue,
    saveQueue,
    loadSetting,
    saveSetting,
  };
}

export { changesIn };
