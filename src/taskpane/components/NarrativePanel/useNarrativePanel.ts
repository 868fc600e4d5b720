import * as React from "react";
import { NARRATIVE_MAX, NARRATIVE_PARTS, type NarrativePart } from "../../../domain/report/narrative";
import { NARRATIVE_CELLS } from "../../../api/narrative";
import type { NarrativePanelProps, NarrativePanelState } from "./NarrativePanel.types";

const BLANK = { results: "", shortcomings: "", nextTasks: "", proposals: "" } satisfies Record<NarrativePart, string>;

/**
 * The narrative tab: reads the four parts from the workbook once (one read), keeps what is typed, and writes a part
 * into its cell when the field loses focus and the text changed (one write, text kept as text). A part over the
 * limit is shown as an error naming its cell and is not written, so the workbook never holds what would be refused.
 */
export function useNarrativePanel(props: NarrativePanelProps): NarrativePanelState {
  const { workbook } = props;
  const [values, setValues] = React.useState<Record<NarrativePart, string>>(BLANK);
  const written = React.useRef<Record<NarrativePart, string>>(BLANK);
  const [loaded, setLoaded] = React.useState(false);
  const [unavailable, setUnavailable] = React.useState(false);
  const [saved, setSaved] = React.useState<NarrativePart | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [cells, setCells] = React.useState<Record<NarrativePart, string>>({ ...NARRATIVE_CELLS });

  React.useEffect(() => {
    let live = true;
    if (!workbook.readNarrative) {
      setUnavailable(true);
      setLoaded(true);
      return;
    }
    workbook
      .readNarrative()
      .then((read) => {
        if (!live) return;
        const next = { ...BLANK };
        for (const p of NARRATIVE_PARTS) next[p] = read.narrative?.[p] ?? "";
        written.current = next;
        setValues(next);
        if (Object.keys(read.cells).length > 0) setCells(read.cells);
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(e);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [workbook]);

  const onChange = React.useCallback((part: NarrativePart, value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [part]: value }));
  }, []);

  const onCommit = React.useCallback(
    (part: NarrativePart) => {
      const text = values[part];
      if (props.readOnly || !workbook.writeNarrative || text === written.current[part]) return;
      if (text.trim().length > NARRATIVE_MAX) return;
      const write = workbook.writeNarrative;
      void (async () => {
        try {
          await write({ [part]: text.trim() === "" ? null : text });
          written.current = { ...written.current, [part]: text };
          setError(null);
          setSaved(part);
        } catch (e) {
          setError(e);
        }
      })();
    },
    [values, props.readOnly, workbook],
  );

  return { props, values, loaded, unavailable, saved, error, cells, onChange, onCommit };
}
