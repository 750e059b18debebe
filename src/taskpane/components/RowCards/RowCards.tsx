import { Button, Caption1, Tooltip } from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { FieldData, FieldValue, RowData } from "../../../domain/plan-data";
import { isEmptyValue } from "../../../app/plan-session";
import { FieldControl, type FieldMessage } from "../FieldControl/FieldControl";
import { useRowCardsStyles } from "./RowCards.styles";

type RowCardsProps = {
  readonly rows: readonly RowData[];
  /** What one row is called ("Action step", "Strategy"). */
  readonly noun: string;
  readonly limits?: { readonly min: number; readonly max: number } | undefined;
  readonly guidance: (field: string) => string | undefined;
  readonly names: readonly string[];
  readonly messages: (field: string, row: number) => readonly FieldMessage[];
  readonly onChange: (rows: RowData[]) => void;
  readonly onBlur?: () => void;
  readonly renderGoTo?: (field: FieldData, label: string) => React.ReactNode;
};

/** Whether a row may be removed: only rows PlanAssist added or rows with nothing in them. */
function canRemoveRow(row: RowData): boolean {
  return row.added === true || row.cells.every((c) => isEmptyValue(c.value));
}

function nextLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const m = /^(.*?)(\d+)(\D*)$/.exec(label);
  if (!m) return undefined;
  return `${m[1]}${Number(m[2]) + 1}${m[3]}`;
}

/** A new, empty row shaped like the last one. */
function blankRowAfter(rows: readonly RowData[]): RowData | undefined {
  const last = rows[rows.length - 1];
  if (!last) return undefined;
  const label = nextLabel(last.label);
  return {
    index: Math.max(...rows.map((r) => r.index)) + 1,
    added: true,
    ...(label ? { label } : {}),
    cells: last.cells.map(({ location: _location, ...c }) => ({
      ...c,
      value: typeof c.value === "string" ? "" : [],
    })),
  };
}

/** Moves a row's values up or down; the rows' places in the document stay where they are. */
function moveRow(rows: readonly RowData[], from: number, to: number): RowData[] {
  const a = rows[from];
  const b = rows[to];
  if (!a || !b) return [...rows];
  const swap = (target: RowData, source: RowData): RowData => ({
    ...target,
    cells: target.cells.map((c) => ({
      ...c,
      value: source.cells.find((s) => s.id === c.id)?.value ?? c.value,
    })),
  });
  return rows.map((r, i) => (i === from ? swap(a, b) : i === to ? swap(b, a) : r));
}

/** Repeating rows (action steps, next steps, strategies) as a list of cards. */
export function RowCards({
  rows,
  noun,
  limits,
  guidance,
  names,
  messages,
  onChange,
  onBlur,
  renderGoTo,
}: RowCardsProps) {
  const styles = useRowCardsStyles();
  const listRef = useRef<HTMLUListElement>(null);
  /** The row just added, whose first field takes focus once it is shown. */
  const focusRow = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusRow.current === undefined) return;
    const card = listRef.current?.querySelector(`[data-row="${focusRow.current}"]`);
    const target = card?.querySelector<HTMLElement>("input, textarea");
    if (target) {
      target.focus();
      focusRow.current = undefined;
    }
  }, [rows]);
  const max = limits?.max ?? Infinity;
  const min = limits?.min ?? 0;
  const setCell = (rowIndex: number, field: string, value: FieldValue) =>
    onChange(
      rows.map((r, i) =>
        i !== rowIndex
          ? r
          : { ...r, cells: r.cells.map((c) => (c.id === field ? { ...c, value } : c)) },
      ),
    );
  return (
    <div>
      <ul ref={listRef} className={styles.list} aria-label={`${noun} rows`}>
        {rows.map((row, i) => {
          const title = row.label ?? `${noun} ${i + 1}`;
          const removable = canRemoveRow(row) && rows.length > Math.max(min, 1);
          return (
            <li
              key={`${row.index}-${i}`}
              className={styles.card}
              aria-label={title}
              data-row={row.index}
            >
              <div className={styles.header}>
                <h3 className={styles.title}>{title}</h3>
                <Tooltip content={`Move ${title} up`} relationship="label">
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<ArrowUpRegular />}
                    disabled={i === 0}
                    onClick={() => onChange(moveRow(rows, i, i - 1))}
                  />
                </Tooltip>
                <Tooltip content={`Move ${title} down`} relationship="label">
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<ArrowDownRegular />}
                    disabled={i === rows.length - 1}
                    onClick={() => onChange(moveRow(rows, i, i + 1))}
                  />
                </Tooltip>
                {removable ? (
                  <Tooltip content={`Remove ${title}`} relationship="label">
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={<DeleteRegular />}
                      onClick={() => onChange(rows.filter((_, k) => k !== i))}
                    />
                  </Tooltip>
                ) : null}
              </div>
              {row.cells.map((cell) => (
                <div key={cell.id} data-field={`${row.index}:${cell.id}`}>
                  <FieldControl
                    field={cell}
                    label={cell.label}
                    guidance={guidance(cell.id)}
                    names={names}
                    messages={messages(cell.id, row.index)}
                    onChange={(v) => setCell(i, cell.id, v)}
                    {...(onBlur ? { onBlur } : {})}
                  />
                  {renderGoTo?.(cell, `${cell.label} of ${title}`)}
                </div>
              ))}
            </li>
          );
        })}
      </ul>
      <div className={styles.footer}>
        <Button
          icon={<AddRegular />}
          disabled={rows.length >= max || rows.length === 0}
          onClick={() => {
            const added = blankRowAfter(rows);
            if (!added) return;
            focusRow.current = added.index;
            onChange([...rows, added]);
          }}
        >
          Add {noun.toLowerCase()}
        </Button>
        {Number.isFinite(max) ? (
          <Caption1 className={styles.limit}>
            {rows.length} of at most {max}
          </Caption1>
        ) : null}
      </div>
    </div>
  );
}
