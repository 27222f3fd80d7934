/**
 * Fills the `{{name}}` placeholders of a UI string the way i18next does, but strictly: a missing
 * value is an error, so a sentence is never rendered to audio with a hole in it.
 */

/** The placeholder names a template uses, in order of first appearance. */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Replaces every placeholder with its value; throws naming the first one without a value. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the text "${template}" needs a value for {{${name}}}`);
    return String(value);
  });
}

/** Reads a dotted key (`help.call`) from nested locale JSON; undefined unless it is a string. */
export function lookupKey(locale: unknown, key: string): string | undefined {
  let node: unknown = locale;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The plural suffixes i18next uses, one for each category of `Intl.PluralRules` (Spanish and
 * English have "one" and "other"; Arabic six: zero, one, two, few, many, other).
 */
export type PluralCategory = Intl.LDMLPluralRule;

/** The plural category of `count` in `language`, as i18next chooses it. */
export function pluralCategory(language: string, count: number): PluralCategory {
  return new Intl.PluralRules(language).select(count);
}

/**
 * Reads a counted string the way i18next does with `{ count }`: `key_<category>` for the
 * language's category of `count`, else `key_other`, else `key` itself. Undefined when none is a string.
 */
export function lookupCounted(locale: unknown, key: string, language: string, count: number): string | undefined {
  return lookupKey(locale, `${key}_${pluralCategory(language, count)}`) ?? lookupKey(locale, `${key}_other`) ?? lookupKey(locale, key);
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The key a plural form belongs to (`help.queued_few` → `help.queued`); other keys unchanged. */
export function pluralBase(key: string): string {
  return key.replace(pluralSuffix, '');
}
