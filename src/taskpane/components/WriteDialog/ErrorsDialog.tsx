import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from "@fluentui/react-components";
import { useWriteDialogStyles } from "./WriteDialog.styles";

export type EntryWithErrors = {
  readonly key: string;
  readonly name: string;
  readonly messages: readonly string[];
};

export type ErrorsDialogProps = {
  readonly entries: readonly EntryWithErrors[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
};

/** Asks before writing entries the checks call errors, naming each one and what is wrong. */
export function ErrorsDialog({ entries, onConfirm, onCancel }: ErrorsDialogProps) {
  const styles = useWriteDialogStyles();
  const n = entries.length;
  const title = `${n} ${n === 1 ? "entry has errors" : "entries have errors"}: write anyway?`;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Text block>
              They are written as typed; the checks will still flag them until they are fixed.
            </Text>
            <ul className={styles.list}>
              {entries.map((e) => (
                <li key={e.key} className={styles.item}>
                  <Text weight="semibold" block>
                    {e.name}
                  </Text>
                  {e.messages.map((m, i) => (
                    <Text key={i} block>
                      {m}
                    </Text>
                  ))}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Write anyway
            </Button>
            <Button onClick={onCancel}>Go back and fix</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
