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
