import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, mergeClasses } from "@fluentui/react-components";
import { GridInput } from "./GridInput";
import type { GridRowView, PreviewSheetState } from "./PreviewSheet.types";
import { previewSheetClassNames, type PreviewSheetClasses } from "./usePreviewSheetStyles";

interface GridRowProps {
  row: GridRowView;
  classes: PreviewSheetClasses;
  state: PreviewSheetState["rowContext"];
}

/** One row of the sheet; rendered again only when one of its cells changed. */
const GridRow = React.memo(function GridRow({ row, classes, state }: GridRowProps): React.JSX.Element {
  return (
    <tr>
      <th className={classes.rowHeader} scope="row">
        {row.row}
      </th>
      {row.cells.map((cell) => (
        <td
          key={cell.address}
          colSpan={cell.colSpan}
          data-address={cell.address}
          title={cell.title}
          style={cell.style}
          className={mergeClasses(
            classes.cell,
            cell.header && classes.headerCell,
            cell.input !== null && classes.inputCell,
            cell.mark === "error" && classes.error,
            cell.mark === "warning" && classes.warning,
            cell.mark === "info" && classes.info,
          )}
        >
          {cell.input ? (
            <GridInput
              address={cell.address}
              label={cell.input.label}
              value={cell.input.value}
              invalid={cell.mark === "error"}
              className={classes.input}
              registerInput={state.registerInput}
              onCommit={state.handleCommit}
            />
          ) : (
            cell.text
          )}
        </td>
      ))}
    </tr>
  );
});

export function renderPreviewSheet(state: PreviewSheetState, classes: PreviewSheetClasses): React.JSX.Element {
  const { labels } = state;
  return (
    <section className={mergeClasses(previewSheetClassNames.root, classes.root)} aria-labelledby="ct-sheet-heading">
      <div className={classes.toolbar}>
        <Subtitle2 as="h2" id="ct-sheet-heading" className={classes.heading}>
          {state.hasSheet ? `${labels.sheet} — ${state.sheetName}` : labels.sheet}
        </Subtitle2>
        {state.hasSheet && (
          <div className={classes.toolbar}>
            {state.downloading && <Spinner size="tiny" label={labels.downloading} />}
            <Button onClick={state.handleDownload} disabled={state.downloading}>
              {labels.download}
            </Button>
          </div>
        )}
      </div>
      {state.downloadError && (
        <MessageBar intent="error">
          <MessageBarBody>{state.downloadError}</MessageBarBody>
        </MessageBar>
      )}
      {!state.hasSheet && <Text>{labels.empty}</Text>}
      {state.hasSheet && (
        <>
          {state.title.map((line, i) => (
            <Text key={i} as="p" className={classes.title}>
              {line}
            </Text>
          ))}
          <div className={classes.scroller}>
            <table className={classes.table} aria-labelledby="ct-sheet-heading">
              <colgroup>
                <col style={{ width: 36 }} />
                {state.columns.map((c) => (
                  <col key={c.letter} style={{ width: c.width }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th className={classes.colHeader} scope="col" aria-label="#" />
                  {state.columns.map((c) => (
                    <th key={c.letter} className={classes.colHeader} scope="col">
                      {c.letter}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row) => (
                  <GridRow key={row.row} row={row} classes={classes} state={state.rowContext} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
