/**
 * The one i18n set-up every UI uses: the start language, what is remembered, and the page's
 * `lang` and `dir` following the language.
 */
import { describe, expect, it } from 'vitest';
import { asLanguage, createAppI18n } from '../../../renderer/ui/i18n/create-app-i18n.js';

const strings = { es: { hello: 'Hola' }, en: { hello: 'Hello' }, ar: { hello: 'مرحبا' } };
const languages = ['es', 'en', 'ar'] as const;

function page(): HTMLElement {
  return { lang: '', dir: '' } as HTMLElement;
}

function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('an app’s strings', () => {
  it('start in Spanish with nothing remembered, and the page says so', () => {
    const root = page();
    const i18n = createAppI18n({ namespace: 'test', languages, strings, root });
    expect(i18n.t('hello')).toBe('Hola');
    expect(root.lang).toBe('es');
  });

  it('start in the language remembered on the device, and remember a new choice', async () => {
    const storage = memory({ chosen: 'en' });
    const i18n = createAppI18n({ namespace: 'test', languages, strings, root: page(), remember: { storage, key: 'chosen' } });
    expect(i18n.t('hello')).toBe('Hello');
    await i18n.changeLanguage('ar');
    expect(storage.values.get('chosen')).toBe('ar');
  });

  it('start in Spanish when what is remembered is no language of the app, or storage is refused', () => {
    const odd = createAppI18n({ namespace: 'test', languages, strings, root: page(), remember: { storage: memory({ chosen: 'fr' }), key: 'chosen' } });
    expect(odd.language).toBe('es');
    const refusing = {
      getItem: () => {
        throw new Error('refused');
      },
      setItem: () => {
        throw new Error('refused');
      },
    };
    const refused = createAppI18n({ namespace: 'test', languages, strings, root: page(), remember: { storage: refusing, key: 'chosen' } });
    expect(refused.language).toBe('es');
  });

  it('mirror the page for Arabic only when the app asks for it', async () => {
    const mirrored = page();
    await createAppI18n({ namespace: 'test', languages, strings, root: mirrored, followDirection: true }).changeLanguage('ar');
    expect([mirrored.lang, mirrored.dir]).toEqual(['ar', 'rtl']);
    const plain = page();
    await createAppI18n({ namespace: 'test', languages, strings, root: plain }).changeLanguage('ar');
    expect([plain.lang, plain.dir]).toEqual(['ar', '']);
  });

  it('narrow any string to one of the app’s languages, the first when it is not one', () => {
    expect(asLanguage(languages, 'ar')).toBe('ar');
    expect(asLanguage(languages, 'fr')).toBe('es');
    expect(asLanguage(languages, null)).toBe('es');
  });
});
