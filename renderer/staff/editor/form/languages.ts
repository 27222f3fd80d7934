/**
 * Adding and removing one of the script's languages from the form. Removing a language takes its
 * texts out of the whole script in one edit (a text in a language the script does not declare is
 * a problem the clerk could not fix in the form otherwise); adding one declares it, and the
 * checker then asks for its text at every field.
 */
import { languageCodeSchema } from '../../../../core/procedure/schema.js';
import { asList, asRecord } from '../form-data.js';
import type { DataPath, FormEdit } from '../yaml-document.js';

/** True for a well-written language code, like `fr` or `pt-BR`. */
export function isLanguageCode(code: string): boolean {
  return languageCodeSchema.safeParse(code).success;
}

/** The paths of every text of the script that has a `code` version: `['steps', 2, 'title']`. */
export function textsIn(data: unknown, code: string, path: DataPath = []): DataPath[] {
  if (Array.isArray(data)) return data.flatMap((item, index) => textsIn(item, code, [...path, index]));
  if (data === null || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const keys = Object.keys(record);
  const isText = keys.length > 0 && keys.every((key) => isLanguageCode(key) && typeof record[key] === 'string');
  if (isText) return code in record ? [path] : [];
  return keys.flatMap((key) => textsIn(record[key], code, [...path, key]));
}

/** The edit that declares a new language. */
export function addLanguageEdit(data: unknown, code: string): FormEdit {
  const languages = asList(asRecord(data)['languages']);
  return { kind: 'set', path: ['languages'], value: [...languages, code] };
}

/** The edit that removes a language: from `languages`, from `reviewedLanguages`, and every text in it. */
export function removeLanguageEdit(data: unknown, code: string): FormEdit {
  const record = asRecord(data);
  const edits: FormEdit[] = [{ kind: 'set', path: ['languages'], value: asList(record['languages']).filter((other) => other !== code) }];
  if (Array.isArray(record['reviewedLanguages']) && record['reviewedLanguages'].includes(code)) {
    const kept = asList(record['reviewedLanguages']).filter((other) => other !== code);
    edits.push({ kind: 'set', path: ['reviewedLanguages'], value: kept.length > 0 ? kept : undefined });
  }
  for (const path of textsIn(record, code)) edits.push({ kind: 'delete', path: [...path, code] });
  return { kind: 'batch', edits };
}
