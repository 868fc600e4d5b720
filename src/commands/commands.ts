/**
 * The ribbon's function file. Every action is associated by name with Office.actions.associate and always ends with
 * event.completed(), also when it fails, so Excel never waits on a stuck button.
 */

export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Opens the Chỉ tiêu pane (needs a shared runtime; elsewhere the ShowTaskpane button of the manifest does it). */
export async function openPane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
    if (addin?.showAsTaskpane) await addin.showAsTaskpane();
  } catch (e) {
    // nothing to show the user from a function file; the pane reports its own failures
    console.warn("Chỉ tiêu: openPane", e);
  } finally {
    event.completed();
  }
}

export const ACTIONS: Record<string, (event: Office.AddinCommands.Event) => Promise<void>> = {
  openPane,
};

/** Associates every action; called from Office.onReady. */
export function registerActions(office: Pick<typeof Office, "actions">): void {
  for (const [name, action] of Object.entries(ACTIONS)) office.actions.associate(name, action);
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => registerActions(Office));
}
