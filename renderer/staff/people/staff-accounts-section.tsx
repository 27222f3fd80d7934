/**
 * The staff accounts on the People page: add one, set a new password, disable, enable or delete.
 * One's own account can be given a new password but not disabled or deleted (the hub refuses it
 * too), so the console always keeps someone who can sign in.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccountRow } from '../hub-api/staff-api.js';
import { SelectInput, TextInput } from '../../ui/field/field.js';

/** What the section asks the page to do; each answers whether it was done. */
export interface StaffAccountActions {
  onCreate: (body: { email: string; name: string; password: string }) => Promise<boolean>;
  onSetDisabled: (account: StaffAccountRow, disabled: boolean) => Promise<void>;
  onDelete: (account: StaffAccountRow) => Promise<void>;
  onPassword: (account: StaffAccountRow, password: string) => Promise<boolean>;
}

/** The staff accounts, with the signed-in one marked. */
export function StaffAccountsSection({ accounts, ownId, actions }: { accounts: StaffAccountRow[]; ownId: string; actions: StaffAccountActions }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="staff-heading" className="people-section">
      <h2 id="staff-heading">{t('people.staffAccounts')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('people.staffName')}</th>
            <th scope="col">{t('people.staffEmail')}</th>
            <th scope="col">{t('people.staffStatus')}</th>
            <th scope="col">{t('procedures.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">{account.name}</th>
              <td>{account.email}</td>
              <td>
                {account.disabled ? (
                  <span className="status status-revoked">{t('people.staffDisabled')}</span>
                ) : (
                  <span className="status status-online">{t('people.staffActive')}</span>
                )}
              </td>
              <td>
                {account.id === ownId ? (
                  <span>{t('people.yourAccount')}</span>
                ) : (
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => void actions.onSetDisabled(account, !account.disabled)}
                    >
                      {t(account.disabled ? 'people.enableStaff' : 'people.disableStaff', { name: account.name })}
                    </button>
                    <button type="button" className="button button-danger button-small" onClick={() => void actions.onDelete(account)}>
                      {t('people.deleteStaff', { name: account.name })}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PasswordForm accounts={accounts.filter((account) => !account.disabled)} ownId={ownId} onPassword={actions.onPassword} />
      <NewAccountForm onCreate={actions.onCreate} />
    </section>
  );
}

function PasswordForm({ accounts, ownId, onPassword }: { accounts: StaffAccountRow[]; ownId: string; onPassword: StaffAccountActions['onPassword'] }) {
  const { t } = useTranslation();
  const [accountId, setAccountId] = useState(ownId);
  const [password, setPassword] = useState('');
  const account = accounts.find((candidate) => candidate.id === accountId);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (account && (await onPassword(account, password))) setPassword('');
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <SelectInput id="password-account" label={t('people.passwordAccount')} value={accountId} onChange={(event) => setAccountId(event.target.value)}>
        {accounts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </SelectInput>
      <TextInput
        id="password-new"
        label={t('people.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('people.setPassword')}
      </button>
    </form>
  );
}

function NewAccountForm({ onCreate }: { onCreate: StaffAccountActions['onCreate'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await onCreate({ name: name.trim(), email: email.trim(), password })) {
      setName('');
      setEmail('');
      setPassword('');
    }
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <TextInput id="staff-name" label={t('people.staffNameField')} required value={name} onChange={(event) => setName(event.target.value)} />
      <TextInput id="staff-email" label={t('people.staffEmailField')} type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <TextInput
        id="staff-password"
        label={t('people.staffPasswordField')}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('people.addStaff')}
      </button>
    </form>
  );
}
