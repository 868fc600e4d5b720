import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from "@fluentui/react-components";
import { useI18n } from "../../i18n";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** a text the planner writes (comment, reason); absent: a plain yes/no */
  text?: { label: string; required: boolean };
  busy?: boolean;
  onConfirm: (ev: React.SyntheticEvent, data: { text: string }) => void;
  onCancel: (ev: React.SyntheticEvent) => void;
}

/** Every review action is confirmed: a modal dialog (focus kept inside, Escape cancels) with its comment or reason. */
export function ConfirmDialog(props: ConfirmDialogProps): React.JSX.Element {
  const { t } = useI18n();
  const [text, setText] = React.useState("");
  const [missing, setMissing] = React.useState(false);
  const { open, onCancel, onConfirm } = props;
  React.useEffect(() => {
    if (open) {
      setText("");
      setMissing(false);
    }
  }, [open]);
  const confirm = (ev: React.SyntheticEvent) => {
    if (props.text?.required && text.trim() === "") {
      setMissing(true);
      return;
    }
    onConfirm(ev, { text: text.trim() });
  };
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(ev, data) => (!data.open ? onCancel(ev) : undefined)}>
      <DialogSurface aria-describedby="ct-confirm-body">
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <p id="ct-confirm-body">{props.body}</p>
            {props.text && (
              <Field
                label={props.text.label}
                required={props.text.required}
                validationState={missing ? "error" : "none"}
                validationMessage={missing ? t("board.confirm.required") : undefined}
              >
                <Textarea value={text} onChange={(_ev, data) => setText(data.value)} resize="vertical" />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={props.busy} onClick={confirm}>
              {props.confirmLabel}
            </Button>
            <Button onClick={onCancel}>{t("board.confirm.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
