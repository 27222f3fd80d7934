/**
 * The script a new procedure starts from: every field the checker requires, in Spanish and
 * English, and two steps (an instruction and the end), so the editor opens on a draft without
 * problems that staff then rewrite.
 */

/** A day as `YYYY-MM-DD` in the computer's own time zone (the day staff see on their calendar). */
export function localDay(at: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The starter YAML for procedure `id`, owned by `owner`, verified `today` (`YYYY-MM-DD`). */
export function starterScript(id: string, owner: string, today: string): string {
  // JSON strings are valid YAML double-quoted scalars, so any name (with colons, quotes, #) stays one value.
  const ownerText = JSON.stringify(owner.trim() || 'Por decidir');
  return `id: ${id}
version: 1
title:
  es: Nuevo trámite
  en: New procedure
summary:
  es: Escriba aquí, en una frase, para qué sirve este trámite.
  en: Write here, in one sentence, what this procedure is for.
icon: document-home
officialUrl: https://sede.madrid.es/
owner: ${ownerText}
lastVerified: ${today}
languages: [es, en]
steps:
  - id: primer-paso
    kind: info
    title:
      es: Primer paso
      en: First step
    text:
      es: Escriba aquí la primera instrucción.
      en: Write the first instruction here.
    next: fin
  - id: fin
    kind: done
    title:
      es: Ya está
      en: All done
    text:
      es: Ha terminado el trámite.
      en: You have finished the procedure.
`;
}
