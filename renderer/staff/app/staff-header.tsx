import { useTranslation } from 'react-i18next';
import { asStaffLanguage } from '../i18n/staff-i18n.js';
import { focusElement } from './page-focus.js';
import { routeHash, type StaffRoute } from './routes.js';

/** Props of {@link StaffHeader}. */
export interface StaffHeaderProps {
  demo: boolean;
  /** The page shown, to mark its link; absent on the sign-in page (no navigation there). */
  route?: StaffRoute;
  signedInName?: string;
  onSignOut?: () => void;
}

const sections = ['procedures', 'fleet', 'people', 'analytics', 'workshops', 'audit'] as const;

/** The top of every page: name, DEMO label, the sections, the language switch and "Sign out". */
export function StaffHeader({ demo, route, signedInName, onSignOut }: StaffHeaderProps) {
  const { t, i18n } = useTranslation();
  const other = asStaffLanguage(t('language.switchToLang'));
  const current = route?.page === 'editor' ? 'procedures' : route?.page;
  return (
    <header className="staff-header">
      <SkipLinks route={route} />
      <div className="staff-brand">
        <p className="staff-title">
          {t('app.title')} <span className="staff-subtitle">· {t('app.subtitle')}</span>
        </p>
        {demo ? <p className="demo-label">{t('app.demo')}</p> : null}
      </div>
      {route ? (
        <nav aria-label={t('nav.label')} className="staff-nav">
          <ul>
            {sections.map((section) => (
              <li key={section}>
                <a href={routeHash({ page: section })} aria-current={current === section ? 'page' : undefined}>
                  {t(`nav.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="staff-header-end">
        {signedInName ? <p className="signed-in">{t('app.signedInAs', { name: signedInName })}</p> : null}
        <button type="button" className="button button-secondary" lang={other} onClick={() => void i18n.changeLanguage(other)}>
          {t('language.switchTo')}
        </button>
        {onSignOut ? (
          <button type="button" className="button button-secondary" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        ) : null}
      </div>
    </header>
  );
}

/**
 * The page's own regions by id, for the skip links: the editor's form and YAML sections are
 * found by their headings' ids (editor-screen.tsx).
 */
const editorRegions = [
  { id: 'form-heading', label: 'app.skipToForm' },
  { id: 'yaml-heading', label: 'app.skipToYaml' },
] as const;

/**
 * The first Tab stops of every page, seen only when focused: "Skip to content", and in the editor
 * also to the form and to the YAML, past the header and dozens of controls.
 */
function SkipLinks({ route }: { route: StaffRoute | undefined }) {
  const { t } = useTranslation();
  const targets = [{ id: 'main', label: t('app.skip') }, ...(route?.page === 'editor' ? editorRegions.map(({ id, label }) => ({ id, label: t(label) })) : [])];
  return (
    <div className="skip-links">
      {targets.map(({ id, label }) => (
        <a
          key={id}
          className="skip-link"
          href={`#${id}`}
          onClick={(event) => {
            // The console's pages live in the URL fragment, so the link moves the focus itself
            // instead of changing it. A region not on the page (still loading, closed) falls back to the content.
            event.preventDefault();
            const target = document.getElementById(id) ?? document.getElementById('main');
            if (target) focusElement(target);
          }}
        >
          {label}
        </a>
      ))}
    </div>
  );
}
