export { ApplicabilityLauncher } from "./ApplicabilityLauncher";
export type { ApplicabilityEditorProps } from "./ApplicabilityEditor.types";
