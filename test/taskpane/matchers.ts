/**
 * The few DOM matchers the task pane's tests use. @testing-library/jest-dom is not installed in this project, so
 * these stand in for it (same names, same meaning); accessible names and descriptions come from
 * dom-accessibility-api, the library Testing Library itself uses for queries by role and label.
 */
import "./env";
import { computeAccessibleDescription, computeAccessibleName } from "dom-accessibility-api";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeInTheDocument(): R;
      toHaveAttribute(name: string, value?: string): R;
      toHaveValue(value: string | number | null): R;
      toHaveDisplayValue(value: string): R;
      toBeDisabled(): R;
      toBeEnabled(): R;
      toHaveFocus(): R;
      toHaveTextContent(text: string | RegExp): R;
      toHaveAccessibleName(name: string | RegExp): R;
      toHaveAccessibleDescription(description: string | RegExp): R;
    }
  }
}

function element(received: unknown): Element | null {
  return received instanceof Element ? received : null;
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === "string" ? actual === expected : expected.test(actual);
}

function isDisabled(el: Element): boolean {
  if ((el as HTMLButtonElement).disabled) return true;
  if (el.getAttribute("aria-disabled") === "true") return true;
  const fieldset = el.closest("fieldset");
  return Boolean(fieldset && fieldset.disabled);
}

expect.extend({
  toBeInTheDocument(received: unknown) {
    const el = element(received);
    const pass = Boolean(el && el.ownerDocument.documentElement.contains(el));
    return { pass, message: () => `expected the element ${pass ? "not " : ""}to be in the document` };
  },
  toHaveAttribute(received: unknown, name: string, value?: string) {
    const el = element(received);
    const actual = el ? el.getAttribute(name) : null;
    const pass = actual !== null && (value === undefined || actual === value);
    return {
      pass,
      message: () =>
        `expected attribute ${name}${value === undefined ? "" : `="${value}"`}${pass ? " not" : ""} to be present; it is ${JSON.stringify(actual)}`,
    };
  },
  toHaveValue(received: unknown, value: string | number | null) {
    const el = received as HTMLInputElement;
    const actual = el && "value" in el ? el.value : undefined;
    const pass = actual === (value === null ? "" : String(value));
    return {
      pass,
      message: () => `expected value ${JSON.stringify(value)}${pass ? " not" : ""}; it is ${JSON.stringify(actual)}`,
    };
  },
  toHaveDisplayValue(received: unknown, value: string) {
    const el = received as HTMLSelectElement;
    const actual =
      el instanceof HTMLSelectElement
        ? (el.selectedOptions[0]?.textContent ?? "")
        : (el as unknown as HTMLInputElement).value;
    const pass = actual === value;
    return { pass, message: () => `expected display value ${JSON.stringify(value)}; it is ${JSON.stringify(actual)}` };
  },
  toBeDisabled(received: unknown) {
    const el = element(received);
    const pass = Boolean(el && isDisabled(el));
    return { pass, message: () => `expected the element ${pass ? "not " : ""}to be disabled` };
  },
  toBeEnabled(received: unknown) {
    const el = element(received);
    const pass = Boolean(el && !isDisabled(el));
    return { pass, message: () => `expected the element ${pass ? "not " : ""}to be enabled` };
  },
  toHaveFocus(received: unknown) {
    const el = element(received);
    const pass = Boolean(el && el.ownerDocument.activeElement === el);
    return {
      pass,
      message: () =>
        `expected the element ${pass ? "not " : ""}to have the focus; the focus is on ${el?.ownerDocument.activeElement?.outerHTML.slice(0, 120)}`,
    };
  },
  toHaveTextContent(received: unknown, text: string | RegExp) {
    const el = element(received);
    const actual = (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const pass = typeof text === "string" ? actual.includes(text) : text.test(actual);
    return {
      pass,
      message: () => `expected text ${pass ? "not " : ""}to contain ${String(text)}; it is ${JSON.stringify(actual)}`,
    };
  },
  toHaveAccessibleName(received: unknown, name: string | RegExp) {
    const el = element(received);
    const actual = el ? computeAccessibleName(el) : "";
    const pass = matches(actual, name);
    return {
      pass,
      message: () => `expected accessible name ${String(name)}${pass ? " not" : ""}; it is ${JSON.stringify(actual)}`,
    };
  },
  toHaveAccessibleDescription(received: unknown, description: string | RegExp) {
    const el = element(received);
    const actual = el ? computeAccessibleDescription(el) : "";
    const pass = matches(actual, description);
    return {
      pass,
      message: () =>
        `expected accessible description ${String(description)}${pass ? " not" : ""}; it is ${JSON.stringify(actual)}`,
    };
  },
});

export {};
