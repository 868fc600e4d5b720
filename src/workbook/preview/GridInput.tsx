import * as React from "react";
import type { GridInputProps } from "./PreviewSheet.types";

/**
 * One input cell of the preview grid. What is typed stays here until it is final — Enter or leaving the cell, as in
 * Excel — so typing re-renders one cell, not the sheet; Escape gives the cell's value back.
 */
export const GridInput = React.memo(function GridInput(props: GridInputProps): React.JSX.Element {
  const { address, registerInput, onCommit } = props;
  const [draft, setDraft] = React.useState<string | null>(null);
  const ref = React.useCallback((el: HTMLInputElement | null) => registerInput(address, el), [registerInput, address]);
  const commit = (ev: React.SyntheticEvent) => {
    if (draft === null) return;
    setDraft(null);
    onCommit(ev, { address, text: draft });
  };
  return (
    <input
      ref={ref}
      className={props.className}
      aria-label={props.label}
      aria-invalid={props.invalid ? true : undefined}
      value={draft ?? props.value}
      onChange={(ev) => setDraft(ev.target.value)}
      onBlur={commit}
      onKeyDown={(ev) => {
        if (ev.key === "Enter") {
          ev.preventDefault();
          commit(ev);
        } else if (ev.key === "Escape") {
          setDraft(null);
        }
      }}
    />
  );
});
