/**
 * People: the sites, the kiosks (add one and issue its device token, shown once; give a new
 * token; revoke), the volunteers (volunteers-section.tsx: add, new PIN, languages and sites,
 * disable, delete) and the staff accounts (staff-accounts-section.tsx). This page runs every
 * change and asks first before disabling or deleting anyone.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../app/page-props.js';
import { failureText } from '../hub-api/failure-text.js';
import type { HubResult } from '../hub-api/request.js';
import {
  createKiosk,
  createSite,
  createStaffAccount,
  createVolunteer,
  deleteStaffAccount,
  deleteVolunteer,
  fetchAccounts,
  fetchKiosks,
  fetchSites,
  fetchVolunteers,
  issueKioskToken,
  resetVolunteerPin,
  revokeKiosk,
  setStaffDisabled,
  setStaffPassword,
  setVolunteerDisabled,
  updateVolunteer,
  type KioskRow,
  type SiteRow,
  type StaffAccountRow,
  type VolunteerRow,
} from '../hub-api/staff-api.js';
import { TextInput } from '../../ui/field/field.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { SiteSelect } from './site-select.js';
import { StaffAccountsSection } from './staff-accounts-section.js';
import { VolunteersSection } from './volunteers-section.js';

interface People {
  sites: SiteRow[];
  kiosks: KioskRow[];
  volunteers: VolunteerRow[];
  accounts: StaffAccountRow[];
}

async function loadPeople(token: string): Promise<HubResult<People>> {
  const [sites, kiosks, volunteers, accounts] = await Promise.all([fetchSites(token), fetchKiosks(token), fetchVolunteers(token), fetchAccounts(token)]);
  if (!sites.ok) return sites;
  if (!kiosks.ok) return kiosks;
  if (!volunteers.ok) return volunteers;
  if (!accounts.ok) return accounts;
  return { ok: true, value: { sites: sites.value, kiosks: kiosks.value, volunteers: volunteers.value, accounts: accounts.value.accounts } };
}

/** The People page. */
export function PeopleScreen({ session, onSessionEnded }: PageProps) {
  const { t } = useTranslation();
  const [state, reload] = useHubData(() => loadPeople(session.token), onSessionEnded);
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [shownToken, setShownToken] = useState<{ name: string; token: string } | undefined>();

  /** Runs a change, says how it went, and reloads the lists. */
  const run = async (change: Promise<HubResult<unknown>>, success: string | undefined): Promise<boolean> => {
    const result = await change;
    if (!result.ok) {
      const text = failureText(result.failure, t);
      if (text.sessionEnded) onSessionEnded(text.message);
      else setNote({ ok: false, text: text.message });
      return false;
    }
    setNote(success === undefined ? undefined : { ok: true, text: success });
    reload();
    return true;
  };

  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('people.heading')}</h1>
      <LoadState state={state} onRetry={reload} />
      {note ? (
        <p className={`notice ${note.ok ? 'notice-ok' : 'notice-error'}`} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      ) : null}
      {shownToken ? <TokenBox key={shownToken.token} name={shownToken.name} token={shownToken.token} onDismiss={() => setShownToken(undefined)} /> : null}
      {state.kind === 'loaded' ? (
        <>
          <SitesSection sites={state.value.sites} onCreate={(body) => run(createSite(session.token, body), t('people.created'))} />
          <KiosksSection
            kiosks={state.value.kiosks}
            sites={state.value.sites}
            onCreate={async (body) => {
              const result = await createKiosk(session.token, body);
              if (result.ok) setShownToken({ name: body.name, token: result.value });
              // The token box says it all: a "Created." beside it would only repeat it.
              return run(Promise.resolve(result), result.ok ? undefined : t('people.created'));
            }}
            onNewToken={async (kiosk) => {
              if (!window.confirm(t('people.confirmNewToken', { name: kiosk.name }))) return;
              const result = await issueKioskToken(session.token, kiosk.id);
              if (result.ok) setShownToken({ name: kiosk.name, token: result.value.deviceToken });
              await run(Promise.resolve(result), result.ok ? undefined : t('people.saved'));
            }}
            onRevoke={async (kiosk) => {
              if (!window.confirm(t('people.confirmRevoke', { name: kiosk.name }))) return;
              await run(revokeKiosk(session.token, kiosk.id), t('people.saved'));
            }}
          />
          <VolunteersSection
            volunteers={state.value.volunteers}
            sites={state.value.sites}
            onCreate={(body) => run(createVolunteer(session.token, body), t('people.created'))}
            onUpdate={(volunteer, body) => run(updateVolunteer(session.token, volunteer.id, body), t('people.saved'))}
            onPin={(volunteer, pin) => run(resetVolunteerPin(session.token, volunteer.id, pin), t('people.pinSet', { name: volunteer.name }))}
            onSetDisabled={async (volunteer, disabled) => {
              if (disabled && !window.confirm(t('people.confirmDisableVolunteer', { name: volunteer.name }))) return;
              await run(setVolunteerDisabled(session.token, volunteer.id, disabled), t('people.saved'));
            }}
            onDelete={async (volunteer) => {
              if (!window.confirm(t('people.confirmDeleteVolunteer', { name: volunteer.name }))) return;
              await run(deleteVolunteer(session.token, volunteer.id), t('people.deleted'));
            }}
          />
          <StaffAccountsSection
            accounts={state.value.accounts}
            ownId={session.staffId}
            actions={{
              onCreate: (body) => run(createStaffAccount(session.token, body), t('people.created')),
              onSetDisabled: async (account, disabled) => {
                if (disabled && !window.confirm(t('people.confirmDisableStaff', { name: account.name }))) return;
                await run(setStaffDisabled(session.token, account.id, disabled), t('people.saved'));
              },
              onDelete: async (account) => {
                if (!window.confirm(t('people.confirmDeleteStaff', { name: account.name }))) return;
                await run(deleteStaffAccount(session.token, account.id), t('people.deleted'));
              },
              onPassword: (account, password) => run(setStaffPassword(session.token, account.id, password), t('people.passwordSet', { name: account.name })),
            }}
          />
        </>
      ) : null}
    </main>
  );
}

function SitesSection({
  sites,
  onCreate,
}: {
  sites: SiteRow[];
  onCreate: (body: { name: string; location: string; inPersonHelp: string; escalationSeconds: number }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [help, setHelp] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await onCreate({ name: name.trim(), location: location.trim(), inPersonHelp: help.trim(), escalationSeconds: 120 })) {
      setName('');
      setLocation('');
      setHelp('');
    }
  };
  return (
    <section aria-labelledby="sites-heading" className="people-section">
      <h2 id="sites-heading">{t('people.sites')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('people.siteName')}</th>
            <th scope="col">{t('people.siteLocation')}</th>
            <th scope="col">{t('people.inPersonHelp')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id}>
              <th scope="row">{site.name}</th>
              <td>{site.location}</td>
              <td>{site.inPersonHelp}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <TextInput id="site-name" label={t('people.siteNameField')} required value={name} onChange={(event) => setName(event.target.value)} />
        <TextInput id="site-location" label={t('people.siteLocation')} value={location} onChange={(event) => setLocation(event.target.value)} />
        <TextInput id="site-help" label={t('people.inPersonHelp')} required value={help} onChange={(event) => setHelp(event.target.value)} />
        <button type="submit" className="button button-secondary">
          {t('people.addSite')}
        </button>
      </form>
    </section>
  );
}

function KiosksSection({
  kiosks,
  sites,
  onCreate,
  onNewToken,
  onRevoke,
}: {
  kiosks: KioskRow[];
  sites: SiteRow[];
  onCreate: (body: { siteId: string; name: string; location: string }) => Promise<boolean>;
  onNewToken: (kiosk: KioskRow) => Promise<void>;
  onRevoke: (kiosk: KioskRow) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const siteName = (id: string): string => sites.find((site) => site.id === id)?.name ?? id;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await onCreate({ siteId, name: name.trim(), location: location.trim() })) {
      setName('');
      setLocation('');
    }
  };
  return (
    <section aria-labelledby="kiosks-heading" className="people-section">
      <h2 id="kiosks-heading">{t('people.kiosks')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('people.kioskName')}</th>
            <th scope="col">{t('people.kioskLocation')}</th>
            <th scope="col">{t('people.kioskSite')}</th>
            <th scope="col">{t('procedures.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((kiosk) => (
            <tr key={kiosk.id}>
              <th scope="row">{kiosk.name}</th>
              <td>{kiosk.location}</td>
              <td>{siteName(kiosk.siteId)}</td>
              <td>
                <div className="button-row">
                  <button type="button" className="button button-secondary button-small" onClick={() => void onNewToken(kiosk)}>
                    {t('people.newTokenFor', { name: kiosk.name })}
                  </button>
                  {kiosk.revokedAt === null ? (
                    <button type="button" className="button button-danger button-small" onClick={() => void onRevoke(kiosk)}>
                      {t('people.revoke', { name: kiosk.name })}
                    </button>
                  ) : (
                    <span className="status status-revoked">{t('people.revokedOn')}</span>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <TextInput id="kiosk-name" label={t('people.kioskNameField')} required value={name} onChange={(event) => setName(event.target.value)} />
        <TextInput id="kiosk-location" label={t('people.kioskLocation')} value={location} onChange={(event) => setLocation(event.target.value)} />
        <SiteSelect id="kiosk-site" label={t('people.kioskSite')} sites={sites} value={siteId} onChange={setSiteId} />
        <button type="submit" className="button button-secondary">
          {t('people.issueToken')}
        </button>
      </form>
    </section>
  );
}

/**
 * A device token shown once, with "Copy": the clipboard when the browser allows it, else the
 * token is selected so Ctrl+C copies it (a browser may refuse the clipboard to a page over http).
 */
function TokenBox({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'selected' | undefined>();
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('copied');
    } catch {
      const field = document.getElementById('new-token');
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      setCopied('selected');
    }
  };
  return (
    <div className="token-box" role="alert">
      <p>{t('people.newToken', { name })}</p>
      <TextInput id="new-token" label={t('people.tokenLabel')} type="text" readOnly value={token} onFocus={(event) => event.currentTarget.select()} />
      <p className="inline-form">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('people.copyToken')}
        </button>
        <span role="status">{copied === 'copied' ? t('people.tokenCopied') : copied === 'selected' ? t('people.tokenSelected') : ''}</span>
      </p>
      <button type="button" className="button button-secondary" onClick={onDismiss}>
        {t('people.dismissToken')}
      </button>
    </div>
  );
}
