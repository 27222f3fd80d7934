/**
 * Native-speaker review of a procedure's languages (`reviewedLanguages`). A text a machine
 * translated, or that nobody who speaks the language has read, may be wrong in ways its authors
 * cannot see, and seniors take a kiosk's words at face value. So the checker says, for each
 * declared language not yet reviewed, that it waits for a review: a note, which does not fail the
 * check, because an unreviewed translation is still better than none while it waits. Listing a
 * language that the procedure does not declare is a problem, like any other mistake in the file.
 */
import { languageName } from '../text/language-name.js';
import type { Note, Problem } from './problem.js';
import type { Procedure } from './schema.js';
import type { SourceMap } from './source-map.js';

/** Problems of `reviewedLanguages`: each language listed must be one the procedure declares. */
export function checkReviewedLanguages(procedure: Procedure, map: SourceMap): Problem[] {
  const declared = new Set(procedure.languages);
  return procedure.reviewedLanguages.flatMap((language, index) =>
    declared.has(language)
      ? []
      : [map.problemAt(['reviewedLanguages', index], { code: 'reviewed-not-declared', params: { language, declared: procedure.languages.join(', ') } })],
  );
}

/**
 * One note for each declared language that no native speaker has reviewed, in the order of
 * `languages`, each at that language in the `languages` list.
 */
export function unreviewedLanguageNotes(procedure: Procedure, map: SourceMap): Note[] {
  const reviewed = new Set(procedure.reviewedLanguages);
  return procedure.languages.flatMap((language, index) => {
    if (reviewed.has(language)) return [];
    // The language's name is English here; describeProblem names it again in the reader's language.
    const words = { code: 'unreviewed-language', params: { language, languageName: languageName(language) } } as const;
    return [{ ...map.problemAt(['languages', index], words), kind: 'unreviewed-language' as const, language }];
  });
}
