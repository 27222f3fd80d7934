/**
 * The kiosk's own words in a test, read from assets/locales/<language>/kiosk.json, so a test
 * finds "Siguiente" and "التالي" alike by the key the UI uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const localesFolder = path.resolve(import.meta.dirname, '../../../assets/locales');

/** A translator for one UI language: `t('step.next')`, `t('help.coming', { name: 'Ana' })`. */
export function kioskWords(language: string): (key: string, values?: Record<string, string | number>) => string {
  const locale = JSON.parse(readFileSync(path.join(localesFolder, language, 'kiosk.json'), 'utf8')) as Record<string, unknown>;
  return (key, values = {}) => {
    let value: unknown = locale;
    for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
    if (typeof value !== 'string') throw new Error(`the ${language} kiosk words have no "${key}"`);
    return value.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
