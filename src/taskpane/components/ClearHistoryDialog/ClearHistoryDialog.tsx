import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useWriteDialogStyles } from "../WriteDialog/WriteDialog.styles";

const useStyles = makeStyles({ next: { marginTop: tokens.spacingVerticalS } });

export type ClearHistoryDialogProps = {
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
};

/**
 * Asks before the record of fills is taken out of the document: what the record holds (each
 * fill's earlier cell contents) and what is lost (reverting any fill made until now).
 */
export function ClearHistoryDialog({ onConfirm, onCancel }: ClearHistoryDialogProps) {
  const styles = useWriteDialogStyles();
  const own = useStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Clear the fill history?</DialogTitle>
          <DialogContent>
            <Text block>
              PlanAssist keeps a record of every fill inside this document, with what each cell held
              before the fill, so that a fill can be reverted. Anyone who has the file can read
              those earlier cell contents.
            </Text>
            <Text block className={own.next}>
              Clearing takes the record out of the document: Revert last fill will no longer be
              possible for any fill made until now. The document&apos;s text stays as it is.
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Clear fill history
            </Button>
            <Button onClick={onCancel}>Keep it</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
