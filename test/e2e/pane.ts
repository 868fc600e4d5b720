/** What the browser tests do in the pane more than once: a figure's input by its label (connecting with a token and a
 * clean figure are in harness.ts, re-exported here for the suites that import them from this file). */
export { cleanFigures, connectPane } from "./harness";

/** The form's label of a target's field (Vietnamese). */
export function fieldLabel(id: string, field: string): RegExp {
  const word = field === "numerator" ? "Tử số" : field === "denominator" ? "Mẫu số" : "Giá trị thực hiện";
  return new RegExp(`^${id} · ${word}`);
}
