import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccountsResponse } from '../../../core/protocol/staff-console.js';
import { fetchAccounts } from '../hub-api/staff-api.js';

/** Props of {@link OwnerPicker}. */
export interface OwnerPickerProps {
  token: string;
  owner: { id: string; name: string } | null;
  disabled: boolean;
  onChoose: (ownerId: string | null) => Promise<void>;
}

/** Who answers for the procedure (a staff account), chosen from the hub's accounts. */
export function OwnerPicker({ token, owner, disabled, onChoose }: OwnerPickerProps) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<StaffAccountsResponse['accounts']>([]);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchAccounts(token).then((result) => {
      if (live && result.ok) setAccounts(result.value.accounts);
    });
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <div className="field field-inline owner-picker">
      <label htmlFor="procedure-owner">{t('editor.ownerAccount')}</label>
      <select
        id="procedure-owner"
        value={owner?.id ?? ''}
        disabled={disabled || sending}
        onChange={(event) => {
          setSending(true);
          void onChoose(event.target.value === '' ? null : event.target.value).finally(() => setSending(false));
        }}
      >
        <option value="">{t('editor.noOwner')}</option>
        {owner && !accounts.some((account) => account.id === owner.id) ? <option value={owner.id}>{owner.name}</option> : null}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </select>
    </div>
  );
}
