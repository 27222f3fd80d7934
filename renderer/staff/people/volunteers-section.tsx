/**
 * The volunteers on the People page: add one; for each, languages and sites, a new PIN, and
 * disable, enable or delete (disabling and deleting ask first, in people-screen.tsx). Every one
 * of these that takes rights away ends the volunteer's sessions on the hub.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteRow, VolunteerRow } from '../hub-api/staff-api.js';
import { TextInput } from '../../ui/field/field.js';
import { SiteChecks } from './site-select.js';

/** Splits "es, en" into language codes. */
export function splitLanguages(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export interface VolunteerChanges {
  languages: string[];
  siteIds: string[];
}

export function VolunteersSection({
  volunteers,
  sites,
  onCreate,
  onUpdate,
  onPin,
  onSetDisabled,
  onDelete,
}: {
  volunteers: VolunteerRow[];
  sites: SiteRow[];
  onCreate: (body: { name: string; pin: string; languages: string[]; siteIds: string[] }) => Promise<boolean>;
  onUpdate: (volunteer: VolunteerRow, body: VolunteerChanges) => Promise<boolean>;
  onPin: (volunteer: VolunteerRow, pin: string) => Promise<boolean>;
  onSetDisabled: (volunteer: VolunteerRow, disabled: boolean) => Promise<void>;
  onDelete: (volunteer: VolunteerRow) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [languages, setLanguages] = useState('es');
  // A volunteer may help at several centres: ticked as on an existing volunteer, the first one to start with.
  const [siteIds, setSiteIds] = useState<string[]>(() => (sites[0] ? [sites[0].id] : []));
  const [sitesError, setSitesError] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (siteIds.length === 0) {
      setSitesError(true);
      document.getElementById(`new-volunteer-site-${sites[0]?.id ?? ''}`)?.focus();
      return;
    }
    setSitesError(false);
    if (await onCreate({ name: name.trim(), pin, languages: splitLanguages(languages), siteIds })) {
      setName('');
      setPin('');
    }
  };
  return (
    <section aria-labelledby="volunteers-heading" className="people-section">
      <h2 id="volunteers-heading">{t('people.volunteers')}</h2>
      <ul className="volunteer-list">
        {volunteers.map((volunteer) => (
          <VolunteerItem
            key={volunteer.id}
            volunteer={volunteer}
            sites={sites}
            onUpdate={onUpdate}
            onPin={onPin}
            onSetDisabled={onSetDisabled}
            onDelete={onDelete}
          />
        ))}
      </ul>
      <form className="inline-form" aria-label={t('people.addVolunteer')} onSubmit={(event) => void submit(event)}>
        <TextInput id="volunteer-name" label={t('people.volunteerNameField')} required value={name} onChange={(event) => setName(event.target.value)} />
        <TextInput
          id="volunteer-pin"
          label={t('people.volunteerPin')}
          required
          inputMode="numeric"
          pattern="[0-9]{4,8}"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
        <TextInput
          id="volunteer-languages"
          label={t('people.volunteerLanguages')}
          hint={t('people.languagesHint')}
          required
          value={languages}
          onChange={(event) => setLanguages(event.target.value)}
        />
        <SiteChecks
          idPrefix="new-volunteer-site"
          legend={t('people.volunteerSites')}
          sites={sites}
          checked={siteIds}
          onChange={(next) => {
            setSiteIds(next);
            if (next.length > 0) setSitesError(false);
          }}
          errors={sitesError ? [t('people.volunteerSitesRequired')] : []}
        />
        <button type="submit" className="button button-secondary">
          {t('people.addVolunteer')}
        </button>
      </form>
    </section>
  );
}

function VolunteerItem({
  volunteer,
  sites,
  onUpdate,
  onPin,
  onSetDisabled,
  onDelete,
}: {
  volunteer: VolunteerRow;
  sites: SiteRow[];
  onUpdate: (volunteer: VolunteerRow, body: VolunteerChanges) => Promise<boolean>;
  onPin: (volunteer: VolunteerRow, pin: string) => Promise<boolean>;
  onSetDisabled: (volunteer: VolunteerRow, disabled: boolean) => Promise<void>;
  onDelete: (volunteer: VolunteerRow) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [languages, setLanguages] = useState(volunteer.languages.join(', '));
  const [siteIds, setSiteIds] = useState(volunteer.siteIds);
  const [pin, setPin] = useState('');
  const base = `volunteer-${volunteer.id}`;
  return (
    <li className="volunteer-item" aria-labelledby={`${base}-name`}>
      <h3 id={`${base}-name`}>
        {volunteer.name}
        {volunteer.available ? <span className="status status-online"> {t('people.available')}</span> : null}
        {volunteer.locked ? <span className="status status-revoked"> {t('people.locked')}</span> : null}
        {volunteer.disabled ? <span className="status status-revoked"> {t('people.volunteerDisabled')}</span> : null}
      </h3>
      <div className="inline-form">
        <TextInput id={`${base}-languages`} label={t('people.volunteerLanguages')} value={languages} onChange={(event) => setLanguages(event.target.value)} />
        <SiteChecks idPrefix={`${base}-site`} legend={t('people.volunteerSites')} sites={sites} checked={siteIds} onChange={setSiteIds} />
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void onUpdate(volunteer, { languages: splitLanguages(languages), siteIds })}
        >
          {t('people.saveVolunteer', { name: volunteer.name })}
        </button>
      </div>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void onPin(volunteer, pin).then((ok) => {
            if (ok) setPin('');
          });
        }}
      >
        <TextInput
          id={`${base}-pin`}
          label={t('people.resetPin', { name: volunteer.name })}
          type="password"
          autoComplete="new-password"
          inputMode="numeric"
          required
          pattern="[0-9]{4,8}"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
        <button type="submit" className="button button-secondary button-small">
          {t('people.setPin')}
        </button>
      </form>
      <div className="button-row">
        <button type="button" className="button button-secondary button-small" onClick={() => void onSetDisabled(volunteer, !volunteer.disabled)}>
          {t(volunteer.disabled ? 'people.enableVolunteer' : 'people.disableVolunteer', { name: volunteer.name })}
        </button>
        <button type="button" className="button button-danger button-small" onClick={() => void onDelete(volunteer)}>
          {t('people.deleteVolunteer', { name: volunteer.name })}
        </button>
      </div>
    </li>
  );
}
