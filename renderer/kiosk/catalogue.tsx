import type { Procedure } from '../../core/procedure/schema.js';

/** Props of {@link Catalogue}. */
export interface CatalogueProps {
  procedures: readonly Procedure[];
  language: string;
  /** Shows the DEMO label (the hub runs in demo mode). */
  demo: boolean;
}

/**
 * The list of procedures a senior can choose from, as large tiles. The full journey (language,
 * comfort settings, steps, help button) is the kiosk issue's; this is its first screen's content.
 */
export function Catalogue({ procedures, language, demo }: CatalogueProps) {
  const text = (value: Record<string, string>): string => value[language] ?? value['es'] ?? '';
  return (
    <main className="catalogue">
      {demo ? <p className="demo-label">DEMO</p> : null}
      <h1>¿Qué quiere hacer hoy?</h1>
      <ul className="catalogue-tiles">
        {procedures.map((procedure) => (
          <li key={procedure.id} className="catalogue-tile">
            <h2>{text(procedure.title)}</h2>
            <p>{text(procedure.summary)}</p>
            {procedure.practice === true ? <p className="catalogue-badge">Práctica: no se envía nada</p> : null}
          </li>
        ))}
      </ul>
    </main>
  );
}
