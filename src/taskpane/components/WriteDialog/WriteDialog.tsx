import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ConsentItem } from "../../../app/plan-session";
import { useWriteDialogStyles } from "./WriteDialog.styles";

export type WriteDialogProps = {
  readonly items: readonly ConsentItem[];
  readonly open: boolean;
  /** Called with the keys of the cells the person agreed to replace. */
  readonly onConfirm: (keys: readonly string[]) => void;
  readonly onCancel: () => void;
};

/** Asks before replacing text already in the document, cell by cell, showing before and after. */
export function WriteDialog({ items, open, onConfirm, onCancel }: WriteDialogProps) {
  const styles = useWriteDialogStyles();
  const [agreed, setAgreed] = useState<ReadonlySet<string>>(() => new Set(items.map((i) => i.key)));
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Replace text already in the document?</DialogTitle>
          <DialogContent>
            <Text block>
              These cells already hold text. Tick each one you want to replace; the others are left
              as they are.
            </Text>
            <ul className={styles.list}>
              {items.map((item) => (
                <li key={item.key} className={styles.item}>
                  <Checkbox
                    label={`Replace ${item.label}`}
                    checked={agreed.has(item.key)}
                    onChange={(_, d) => {
                      const next = new Set(agreed);
                      if (d.checked) next.add(item.key);
                      else next.delete(item.key);
                      setAgreed(next);
                    }}
                  />
                  <dl className={styles.compare}>
                    <dt className={styles.term}>Before</dt>
                    <dd className={mergeClasses(styles.value, styles.before)}>{item.before}</dd>
                    <dt className={styles.term}>After</dt>
                    <dd className={styles.value}>{item.after || "(empty)"}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onConfirm([...agreed])}>
              Write to document
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
