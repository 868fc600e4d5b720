import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from "@fluentui/react-components";
import type { Bilingual } from "../../domain/types";
import { MESSAGES, useI18n } from "../i18n";
import type { DemoTourProps } from "./DemoTour.types";

export type { DemoTourProps };

/** The guided tour a trainer follows with the demo unit: one step at a time, then a reset to the starting sheet. */
const STEP_KEYS = [1, 2, 3, 4, 5, 6] as const;
export const TOUR_STEPS: readonly { title: Bilingual; body: Bilingual }[] = STEP_KEYS.map((n) => ({
  title: MESSAGES[`tour.step${n}.title`],
  body: MESSAGES[`tour.step${n}.body`],
}));

export function DemoTour(props: DemoTourProps): React.JSX.Element {
  const { b, t } = useI18n();
  const [step, setStep] = React.useState(0);
  const [resetState, setResetState] = React.useState<"idle" | "busy" | "done" | Bilingual>("idle");
  const last = step === TOUR_STEPS.length - 1;
  const current = TOUR_STEPS[step];

  const handleReset = async (): Promise<void> => {
    setResetState("busy");
    try {
      await props.onResetWorkbook();
      setResetState("done");
    } catch (e) {
      const message = (e as { messages?: Bilingual }).messages;
      setResetState(message ?? MESSAGES["tour.resetFailed"]);
    }
  };

  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{t("tour.open")}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="demo-tour-body">
        <DialogBody>
          <DialogTitle>{b(current.title)}</DialogTitle>
          <DialogContent>
            <Text as="p" id="demo-tour-body">
              {b(current.body)}
            </Text>
            <Text size={200}>{t("tour.progress", { step: step + 1, count: TOUR_STEPS.length })}</Text>
            {last && resetState === "done" && (
              <MessageBar intent="success">
                <MessageBarBody>{t("tour.resetDone")}</MessageBarBody>
              </MessageBar>
            )}
            {last && typeof resetState === "object" && (
              <MessageBar intent="error">
                <MessageBarBody>{b(resetState)}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
              {t("tour.back")}
            </Button>
            {last ? (
              <Button appearance="primary" disabled={resetState === "busy"} onClick={() => void handleReset()}>
                {t("tour.reset")}
              </Button>
            ) : (
              <Button appearance="primary" onClick={() => setStep((s) => s + 1)}>
                {t("tour.next")}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="subtle">{t("tour.close")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
