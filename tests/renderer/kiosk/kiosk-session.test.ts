import { describe, expect, it } from 'vitest';
import { idSchema, procedureSchema } from '../../../core/procedure/schema.js';
import { startSession } from '../../../core/engine/index.js';
import { defaultComfort, helpContext, initialSession } from '../../../renderer/kiosk/session/kiosk-session.js';
import { procedureLanguage } from '../../../renderer/kiosk/steps/procedure-language.js';

// A small script written here: this folder is type-checked as browser code, without Node's fs.
const certificate = procedureSchema.parse({
  id: 'certificado-empadronamiento',
  version: 1,
  title: { es: 'Certificado de empadronamiento', en: 'Census registration certificate' },
  summary: { es: 'Pida el papel.', en: 'Ask for the paper.' },
  icon: 'document-home',
  officialUrl: 'https://sede.madrid.es/',
  owner: 'Padrón',
  lastVerified: '2026-11-01',
  languages: ['es', 'en'],
  steps: [
    { id: 'bienvenida', kind: 'info', title: { es: 'Hola', en: 'Hello' }, text: { es: 'Empezamos.', en: 'We start.' }, next: 'fin' },
    { id: 'fin', kind: 'done', title: { es: 'Fin', en: 'End' }, text: { es: 'Hecho.', en: 'Done.' } },
  ],
});

describe('a kiosk session', () => {
  it('starts on the attract screen, in Spanish, with the default comfort settings', () => {
    expect(initialSession()).toEqual({ screen: { name: 'attract', wiped: false }, language: 'es', comfort: defaultComfort });
    expect(initialSession(true).screen).toEqual({ name: 'attract', wiped: true });
  });

  it('tells a volunteer the procedure and step on screen', () => {
    const session = { ...initialSession(), screen: { name: 'steps' as const, procedureId: certificate.id, engine: startSession(certificate) } };
    expect(helpContext(session)).toEqual({ procedureId: 'certificado-empadronamiento', procedureVersion: 1, stepId: 'bienvenida' });
  });

  it('outside a procedure, calls about the catalogue with ids the hub accepts', () => {
    const context = helpContext({ ...initialSession(), screen: { name: 'catalogue' } });
    expect(context).toEqual({ procedureId: 'kiosk', stepId: 'catalogue' });
    expect(idSchema.safeParse(context.procedureId).success).toBe(true);
    expect(idSchema.safeParse(context.stepId).success).toBe(true);
    expect(
      idSchema.safeParse(helpContext({ ...initialSession(), screen: { name: 'requirements', procedureId: certificate.id, index: 0, missing: [] } }).stepId)
        .success,
    ).toBe(true);
  });
});

describe("a procedure's language on screen", () => {
  it("is the senior's when the script is written in it", () => {
    const english = procedureLanguage(certificate, 'en');
    expect(english.lang).toBe('en');
    expect(english.text(certificate.title)).toBe('Census registration certificate');
  });

  it('falls back to Spanish, marked as Spanish, when it is not', () => {
    const arabic = procedureLanguage(certificate, 'ar');
    expect(arabic.lang).toBe('es');
    expect(arabic.text(certificate.title)).toBe('Certificado de empadronamiento');
  });
});
