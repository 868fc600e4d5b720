import * as React from "react";
import { Field, MessageBar, MessageBarBody, Spinner, Text, Textarea } from "@fluentui/react-components";
import { NARRATIVE_LABELS, NARRATIVE_MAX, NARRATIVE_PARTS } from "../../../domain/report/narrative";
import type { I18n } from "../../i18n/types";
import { describeError } from "../../api";
import type { NarrativePanelState } from "./NarrativePanel.types";
import type { NarrativePanelClasses } from "./useNarrativePanelStyles";
import "../../i18n/sections/narrative";

export function renderNarrativePanel(
  state: NarrativePanelState,
  classes: NarrativePanelClasses,
  i18n: I18n,
): React.JSX.Element {
  const { values, loaded, unavailable, saved, error, cells } = state;
  const readOnly = state.props.readOnly || unavailable;
  const max = i18n.num(NARRATIVE_MAX);
  return (
    <section className={classes.root} aria-labelledby="ct-narrative-heading">
      <Text as="h2" weight="semibold" id="ct-narrative-heading">
        {i18n.t("narrative.heading")}
      </Text>
      <Text className={classes.hint}>{i18n.t("narrative.hint", { max })}</Text>
      {state.props.readOnly && <Text className={classes.hint}>{i18n.t("narrative.readOnly")}</Text>}
      {unavailable && (
        <MessageBar intent="warning">
          <MessageBarBody>{i18n.t("narrative.unavailable")}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(error, i18n)}</MessageBarBody>
        </MessageBar>
      )}
      {!loaded && <Spinner size="tiny" label={i18n.t("app.loading")} />}
      {loaded &&
        NARRATIVE_PARTS.map((p) => {
          const length = values[p].trim().length;
          const over = length > NARRATIVE_MAX;
          return (
            <Field
              key={p}
              label={i18n.b(NARRATIVE_LABELS[p])}
              validationState={over ? "error" : "none"}
              validationMessage={
                over
                  ? i18n.t("narrative.tooLong", {
                      part: i18n.b(NARRATIVE_LABELS[p]),
                      cell: cells[p],
                      count: i18n.num(length),
                      max,
                    })
                  : undefined
              }
              hint={
                saved === p
                  ? `${i18n.t("narrative.count", { count: i18n.num(length), max })} · ${i18n.t("narrative.saved")}`
                  : i18n.t("narrative.count", { count: i18n.num(length), max })
              }
            >
              <Textarea
                className={classes.area}
                resize="vertical"
                value={values[p]}
                readOnly={readOnly}
                data-part={p}
                onChange={(_ev, data) => state.onChange(p, data.value)}
                onBlur={() => state.onCommit(p)}
              />
            </Field>
          );
        })}
    </section>
  );
}
