import * as React from "react";
import { Button, Field, makeStyles, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import "../../i18n/sections/board";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** a text the planner writes (comment, reason); absent: a plain yes/no */
  text?: { label: string; required: boolean };
  busy?: boolean;
  onConfirm: (ev: React.SyntheticEvent, data: { text: string }) => void;
  onCancel: (ev: React.SyntheticEvent | Event) => void;
}

const useStyles = makeStyles({
  dialog: {
    maxWidth: "min(320px, calc(100vw - 24px))",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: tokens.spacingHorizontalL,
    boxShadow: tokens.shadow64,
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
});

/**
 * Every review action is confirmed in a modal dialog with its comment or reason. A native <dialog> opened with
 * showModal(): the browser makes the rest of the page inert, keeps focus inside and closes it on Escape — without
 * the focus sentinels (aria-hidden yet focusable) that Fluent's Dialog adds and axe-core reports.
 */
export function ConfirmDialog(props: ConfirmDialogProps): React.JSX.Element {
  const { t } = useI18n();
  const styles = useStyles();
  const ref = React.useRef<HTMLDialogElement>(null);
  const [text, setText] = React.useState("");
  const [missing, setMissing] = React.useState(false);
  const { open, onCancel, onConfirm } = props;
  React.useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open) {
      setText("");
      setMissing(false);
      if (!el.open) {
        if (typeof el.showModal === "function") el.showModal();
        else el.setAttribute("open", ""); // a DOM without showModal (jsdom)
      }
    } else if (el.open) {
      if (typeof el.close === "function") el.close();
      else el.removeAttribute("open");
    }
  }, [open]);
  React.useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const cancel = (ev: Event) => {
      ev.preventDefault(); // Escape: the parent decides (it closes the dialog through `open`)
      onCancel(ev);
    };
    el.addEventListener("cancel", cancel);
    return () => el.removeEventListener("cancel", cancel);
  }, [onCancel]);
  const confirm = (ev: React.SyntheticEvent) => {
    ev.preventDefault();
    if (props.text?.required && text.trim() === "") {
      setMissing(true);
      return;
    }
    onConfirm(ev, { text: text.trim() });
  };
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="ct-confirm-title" aria-describedby="ct-confirm-body">
      {open && (
        <form className={styles.form} method="dialog" noValidate onSubmit={confirm}>
          <Subtitle2 as="h2" id="ct-confirm-title">
            {props.title}
          </Subtitle2>
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
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={props.busy}>
              {props.confirmLabel}
            </Button>
            <Button type="button" onClick={onCancel}>
              {t("board.confirm.cancel")}
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
