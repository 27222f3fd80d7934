/** The choice of one site, used by the kiosk and volunteer forms of the People page. */
import type { SiteRow } from '../hub-api/staff-api.js';
import { SelectInput } from '../../ui/field/field.js';

/** A choice of one site. */
export function SiteSelect({
  id,
  label,
  sites,
  value,
  onChange,
}: {
  id: string;
  label: string;
  sites: SiteRow[];
  value: string;
  onChange: (siteId: string) => void;
}) {
  return (
    <SelectInput id={id} label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {sites.map((site) => (
        <option key={site.id} value={site.id}>
          {site.name}
        </option>
      ))}
    </SelectInput>
  );
}
