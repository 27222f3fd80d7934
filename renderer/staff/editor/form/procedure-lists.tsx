/**
 * The procedure's own lists in the form, each a section that opens: what to have at hand
 * (requirements), the other ways to do it (channels) and the hard words (glossary).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedField, SelectField, TextField } from '../form-fields.js';
import { asList, asText } from '../form-data.js';
import { problemsUnder, type PlacedProblem } from '../located-problems.js';
import type { DataPath, FormEdit } from '../yaml-document.js';
import { appointmentOptions, channelKindOptions } from './enum-options.js';
import { ItemList } from './item-list.js';
import { listBounds } from './list-bounds.js';
import { idsOf, newChannel, newGlossaryEntry, newRequirement } from './item-templates.js';

/** Props of {@link FormSection}. */
export interface FormSectionProps {
  title: string;
  /** How many entries it holds, shown in the summary; none for a section of fields. */
  count?: number;
  problemCount: number;
  className?: string;
  children: ReactNode;
}

/**
 * A part of the form that opens and closes, with its entries and problems counted in its summary.
 * Its fields are rendered only while it is open: a script's lists hold hundreds of texts, and
 * re-rendering them all on every keystroke elsewhere made typing slow.
 */
export function FormSection({ title, count, problemCount, className = '', children }: FormSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className={`procedure-fields ${className}`.trim()} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {count === undefined ? title : t('form.sectionCount', { title, count })}
        {problemCount > 0 ? <span className="problem-flag"> ⚠ {t('form.stepProblems', { count: problemCount })}</span> : null}
      </summary>
      {open ? children : null}
    </details>
  );
}

/** Props shared by the procedure's list sections. */
export interface ProcedureListProps {
  data: Record<string, unknown>;
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
}

/** The three lists, one section each. */
export function ProcedureLists({ data, languages, problems, frozen, onEdit }: ProcedureListProps) {
  const { t } = useTranslation();
  const set = (path: DataPath, value: unknown): void => onEdit({ kind: 'set', path, value });
  const under = (path: DataPath) => problemsUnder(problems, path);
  const common = { languages, onSet: set, disabled: frozen } as const;
  const requirements = asList(data['requirements']);
  const channels = asList(data['channels']);
  const glossary = asList(data['glossary']);
  return (
    <>
      <FormSection title={t('form.requirements')} count={requirements.length} problemCount={under(['requirements']).length}>
        <ItemList
          legend={t('form.requirements')}
          legendHidden
          hint={t('form.requirementsHint')}
          path={['requirements']}
          items={requirements}
          itemName={(number) => t('form.requirement', { number })}
          addLabel={t('form.addRequirement')}
          newItem={() => newRequirement(idsOf(requirements), languages)}
          max={listBounds.requirements.max}
          problems={problems}
          frozen={frozen}
          onEdit={onEdit}
        >
          {(item, _index, at) => (
            <>
              <LocalizedField {...common} label={t('form.requirementLabel')} path={[...at, 'label']} value={item['label']} problems={under([...at, 'label'])} />
              <LocalizedField
                {...common}
                label={t('form.requirementQuestion')}
                path={[...at, 'question']}
                value={item['question']}
                problems={under([...at, 'question'])}
              />
              <LocalizedField
                {...common}
                label={t('form.requirementIfMissing')}
                path={[...at, 'ifMissing']}
                value={item['ifMissing']}
                problems={under([...at, 'ifMissing'])}
                multiline
                optional
              />
              <TextField label={t('form.itemId')} path={[...at, 'id']} value={item['id']} problems={under([...at, 'id'])} onSet={set} disabled={frozen} />
            </>
          )}
        </ItemList>
      </FormSection>
      <FormSection title={t('form.channels')} count={channels.length} problemCount={under(['channels']).length}>
        <ItemList
          legend={t('form.channels')}
          legendHidden
          hint={t('form.channelsHint')}
          path={['channels']}
          items={channels}
          itemName={(number) => t('form.channel', { number })}
          addLabel={t('form.addChannel')}
          newItem={() => newChannel(languages)}
          max={listBounds.channels.max}
          problems={problems}
          frozen={frozen}
          onEdit={onEdit}
        >
          {(item, _index, at) => (
            <>
              <div className="field-row">
                <SelectField
                  label={t('form.channelKind')}
                  value={asText(item['kind'])}
                  options={channelKindOptions(t)}
                  problems={under([...at, 'kind'])}
                  disabled={frozen}
                  onChange={(value) => set([...at, 'kind'], value)}
                />
                <SelectField
                  label={t('form.channelAppointment')}
                  value={asText(item['appointment'])}
                  options={appointmentOptions(t)}
                  problems={under([...at, 'appointment'])}
                  disabled={frozen}
                  onChange={(value) => set([...at, 'appointment'], value === '' ? undefined : value)}
                />
              </div>
              <LocalizedField {...common} label={t('form.channelLabel')} path={[...at, 'label']} value={item['label']} problems={under([...at, 'label'])} />
              <LocalizedField
                {...common}
                label={t('form.channelDetails')}
                path={[...at, 'details']}
                value={item['details']}
                problems={under([...at, 'details'])}
                multiline
                optional
              />
              <div className="field-row">
                <TextField
                  label={t('form.channelUrl')}
                  path={[...at, 'url']}
                  value={item['url']}
                  problems={under([...at, 'url'])}
                  onSet={set}
                  disabled={frozen}
                  optional
                />
                <TextField
                  label={t('form.channelPhone')}
                  path={[...at, 'phone']}
                  value={item['phone']}
                  problems={under([...at, 'phone'])}
                  onSet={set}
                  disabled={frozen}
                  optional
                />
              </div>
            </>
          )}
        </ItemList>
      </FormSection>
      <FormSection title={t('form.glossary')} count={glossary.length} problemCount={under(['glossary']).length}>
        <ItemList
          legend={t('form.glossary')}
          legendHidden
          hint={t('form.glossaryHint')}
          path={['glossary']}
          items={glossary}
          itemName={(number) => t('form.glossaryEntry', { number })}
          addLabel={t('form.addGlossaryEntry')}
          newItem={() => newGlossaryEntry(idsOf(glossary), languages)}
          max={listBounds.glossary.max}
          problems={problems}
          frozen={frozen}
          onEdit={onEdit}
        >
          {(item, _index, at) => (
            <>
              <LocalizedField {...common} label={t('form.term')} path={[...at, 'term']} value={item['term']} problems={under([...at, 'term'])} />
              <LocalizedField
                {...common}
                label={t('form.meaning')}
                path={[...at, 'meaning']}
                value={item['meaning']}
                problems={under([...at, 'meaning'])}
                multiline
              />
              <TextField label={t('form.itemId')} path={[...at, 'id']} value={item['id']} problems={under([...at, 'id'])} onSet={set} disabled={frozen} />
            </>
          )}
        </ItemList>
      </FormSection>
    </>
  );
}
