/**
 * The shared field family: a label tied to its control, a hint and errors that describe it, and
 * the control marked invalid only while it has errors.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldGroup, SelectInput, TextInput } from '../../../renderer/ui/field/field.js';

describe('a field', () => {
  it('labels its input, and with nothing to say describes it by nothing', () => {
    const html = renderToStaticMarkup(<TextInput id="name" label="Nombre" required value="Ana" readOnly />);
    expect(html).toBe('<div class="field"><label for="name">Nombre</label><input required="" readOnly="" id="name" value="Ana"/></div>');
  });

  it('reads its hint before the input, and is described by it', () => {
    const html = renderToStaticMarkup(<TextInput id="langs" label="Idiomas" hint="Separados por comas" value="es" readOnly />);
    expect(html).toContain('<label for="langs">Idiomas</label><p id="langs-hint" class="hint">Separados por comas</p><input');
    expect(html).toContain('aria-describedby="langs-hint"');
    expect(html).not.toContain('aria-invalid');
  });

  it('lists its errors under the input, marks it invalid and is described by hint and errors', () => {
    const html = renderToStaticMarkup(<TextInput id="pin" label="PIN" hint="4 a 8 números" errors={['Demasiado corto']} value="1" readOnly />);
    expect(html).toMatch(/^<div class="field has-problem">/);
    expect(html).toContain('aria-describedby="pin-hint pin-problems" aria-invalid="true"');
    expect(html).toContain('<ul id="pin-problems" class="field-problems"><li><span aria-hidden="true">⚠ </span>Demasiado corto</li></ul>');
  });

  it('gives a select the same wiring', () => {
    const html = renderToStaticMarkup(
      <SelectInput id="site" label="Sede" value="a" onChange={() => undefined}>
        <option value="a">Centro</option>
      </SelectInput>,
    );
    expect(html).toContain('<label for="site">Sede</label><select id="site"><option value="a" selected="">Centro</option></select>');
  });
});

describe('a group of fields', () => {
  it('is a fieldset with a legend, described by its hint and its errors', () => {
    const html = renderToStaticMarkup(
      <FieldGroup legend="Revisados" className="language-checks" hint="Marque los revisados" errors={['Falta uno']}>
        <input type="checkbox" aria-label="es" />
      </FieldGroup>,
    );
    expect(html).toMatch(
      /^<fieldset class="language-checks has-problem" aria-describedby="(\S+)-hint \1-problems"><legend>Revisados<\/legend><p id="\1-hint" class="hint">/,
    );
    expect(html).toContain('<ul id=');
  });

  it('is described by nothing when it has neither hint nor errors', () => {
    const html = renderToStaticMarkup(
      <FieldGroup legend="Sedes" className="field">
        <input type="checkbox" aria-label="Centro" />
      </FieldGroup>,
    );
    expect(html).toBe('<fieldset class="field"><legend>Sedes</legend><input type="checkbox" aria-label="Centro"/></fieldset>');
  });
});
