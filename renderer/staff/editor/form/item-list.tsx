/**
 * A list of entries the clerk adds, moves and removes in the form (requirements, channels, hard
 * words, answers, things to tick, common problems): each entry a named group with its own fields
 * and "Subir", "Bajar", "Quitar"; an "Añadir" button at the end. Every change is a FormEdit on
 * the YAML. The focus follows the entry it acted on, so a keyboard user never lands on `<body>`.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems } from '../form-fields.js';
import { asRecord } from '../form-data.js';
import { problemsNotUnder, type PlacedProblem } from '../located-problems.js';
import { hasWrittenText } from './item-templates.js';
import type { DataPath, FormEdit } from '../yaml-document.js';

/** Props of {@link ItemList}. */
export interface ItemListProps {
  legend: string;
  /** The legend is read, not shown: the section's summary above already says it. */
  legendHidden?: boolean;
  hint?: string;
  path: DataPath;
  items: readonly unknown[];
  /** An entry's name, from its 1-based number: "Requisito 2". */
  itemName: (number: number) => string;
  /** The entry's fields. */
  children: (item: Record<string, unknown>, index: number, path: DataPath) => ReactNode;
  addLabel: string;
  newItem: () => unknown;
  /** The schema's bounds: no adding past `max`, no removing below `min`. */
  max?: number;
  min?: number;
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
}

/** Where the focus goes once the list has re-rendered after an action. */
type FocusTarget = { index: number; tool: 'up' | 'down' | 'heading' } | { index: -1; tool: 'add' };

/** One editable list of the script. */
export function ItemList({
  legend,
  legendHidden = false,
  hint,
  path,
  items,
  itemName,
  children,
  addLabel,
  newItem,
  max,
  min = 0,
  problems,
  frozen,
  onEdit,
}: ItemListProps) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  const [focus, setFocus] = useState<FocusTarget | undefined>();
  useEffect(() => {
    if (!focus || !box.current) return;
    setFocus(undefined);
    const inEntry = (selector: string) => box.current?.querySelector<HTMLElement>(`[data-entry="${focus.index}"] ${selector}`);
    const wanted = focus.tool === 'add' ? box.current.querySelector<HTMLElement>('[data-tool="add"]') : inEntry(`[data-tool="${focus.tool}"]`);
    // A button at the end of the list is disabled: the entry's heading takes the focus instead.
    const target = wanted && !(wanted as HTMLButtonElement).disabled ? wanted : (inEntry('[data-tool="heading"]') ?? box.current);
    target.focus();
  }, [focus]);

  const move = (from: number, to: number, tool: 'up' | 'down'): void => {
    onEdit({ kind: 'move', path, from, to });
    setFocus({ index: to, tool });
  };

  return (
    <fieldset className="item-list" ref={box} tabIndex={-1} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems
        id={`${id}-problems`}
        problems={problemsNotUnder(
          problems,
          path,
          items.map((_item, index) => index),
        )}
      />
      {items.map((item, index) => {
        const name = itemName(index + 1);
        const headingId = `${id}-${index}`;
        return (
          <div key={index} className="list-entry" role="group" aria-labelledby={headingId} data-entry={index}>
            <p id={headingId} className="entry-heading" tabIndex={-1} data-tool="heading">
              {name}
            </p>
            {children(asRecord(item), index, [...path, index])}
            <div className="entry-tools">
              <button
                type="button"
                className="button button-secondary button-small"
                data-tool="up"
                disabled={frozen || index === 0}
                aria-label={t('form.moveItemUp', { item: name })}
                onClick={() => move(index, index - 1, 'up')}
              >
                ↑ {t('form.up')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                data-tool="down"
                disabled={frozen || index === items.length - 1}
                aria-label={t('form.moveItemDown', { item: name })}
                onClick={() => move(index, index + 1, 'down')}
              >
                ↓ {t('form.down')}
              </button>
              <button
                type="button"
                className="button button-danger button-small"
                disabled={frozen || items.length <= min}
                aria-label={t('form.removeItem', { item: name })}
                onClick={() => {
                  if (hasWrittenText(item) && !window.confirm(t('form.confirmRemoveItem', { item: name }))) return;
                  onEdit({ kind: 'delete', path: [...path, index] });
                  setFocus({ index: -1, tool: 'add' });
                }}
              >
                ✕ {t('form.remove')}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="button button-secondary button-small"
        data-tool="add"
        disabled={frozen || (max !== undefined && items.length >= max)}
        onClick={() => {
          onEdit({ kind: 'insert', path, index: items.length, value: newItem() });
          setFocus({ index: items.length, tool: 'heading' });
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
