/**
 * Choosing sites on the People page: one for a kiosk (it stands in one place), any number for a
 * volunteer (who may help at several), the same checkboxes for a new volunteer as for one already there.
 */
import type { SiteRow } from '../hub-api/staff-api.js';
import { FieldGroup, SelectInput } from '../../ui/field/field.js';

/** A choice of one site. */
export function SiteSelect({
  id,
  label,
  sites,
  value,
  onChange,
  placeholder,
  hint,
}: {
  id: string;
  label: string;
  sites: SiteRow[];
  value: string;
  onChange: (siteId: string) => void;
  /** A first, empty choice that asks for one ("Elija un centro"), where nothing is chosen at first. */
  placeholder?: string;
  /** A sentence under the label. */
  hint?: string;
}) {
  return (
    <SelectInput id={id} label={label} hint={hint} value={value} onChange={(event) => onChange(event.target.value)}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {sites.map((site) => (
        <option key={site.id} value={site.id}>
          {site.name}
        </option>
      ))}
    </SelectInput>
  );
}

/** The sites as checkboxes in one labelled group, with the group's errors under it. */
export function SiteChecks({
  idPrefix,
  legend,
  sites,
  checked,
  onChange,
  errors = [],
}: {
  /** Each checkbox's id is this prefix and the site's id (to focus the first one on an error). */
  idPrefix: string;
  legend: string;
  sites: SiteRow[];
  checked: readonly string[];
  onChange: (siteIds: string[]) => void;
  errors?: readonly string[];
}) {
  return (
    <FieldGroup legend={legend} className="field" errors={errors}>
      {sites.map((site) => (
        <label key={site.id} className="checkbox-label">
          <input
            id={`${idPrefix}-${site.id}`}
            type="checkbox"
            checked={checked.includes(site.id)}
            aria-invalid={errors.length > 0 ? true : undefined}
            onChange={(event) => onChange(event.target.checked ? [...checked, site.id] : checked.filter((id) => id !== site.id))}
          />
          {site.name}
        </label>
      ))}
    </FieldGroup>
  );
}
