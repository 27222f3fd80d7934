/**
 * A senior's kiosk loads no zod (issue 13): zod's classic API cannot be tree-shaken, and one schema
 * anywhere in the kiosk's static imports would bring back about 26 KB of gzipped JavaScript. The
 * kiosk checks what its hub says with light checks instead (core/protocol/kiosk-answers.ts,
 * core/procedure/light-procedure.ts, core/audio/light-manifest.ts). This walks the kiosk's static
 * imports from its entry the way the bundler does: `import type` is erased, but any other import
 * loads its module, even one that names only types (`import { type A }` stays `import {}` under
 * verbatimModuleSyntax). Dynamic `import()` is not followed: such code is not in the page's load.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const entry = path.join(root, 'renderer/kiosk/main.tsx');

/** The module specifiers a file loads when it runs. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier))
      specifiers.push(statement.moduleSpecifier.text);
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier))
      specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

/** The TypeScript file a relative `.js` specifier names, if it is one. */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
  );
}

/** Every module a page loads from `entry`, with the chain that brings it in, and every package it imports. */
function graphFrom(entry: string): { files: Map<string, string | undefined>; packages: Map<string, string[]> } {
  const files = new Map<string, string | undefined>([[entry, undefined]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const specifier of runtimeImports(file)) {
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
        packages.set(name, [...(packages.get(name) ?? []), file]);
        continue;
      }
      const local = resolveLocal(file, specifier);
      if (local && !files.has(local)) {
        files.set(local, file);
        queue.push(local);
      }
    }
  }
  return { files, packages };
}

function chain(files: Map<string, string | undefined>, file: string): string {
  const links: string[] = [];
  for (let at: string | undefined = file; at !== undefined; at = files.get(at)) links.push(path.relative(root, at));
  return links.join(' ← ');
}

describe('the kiosk page loads no zod (issue 13)', () => {
  it('no module the kiosk imports, however deep, imports zod', () => {
    const { files, packages } = graphFrom(entry);
    // The walk did reach the kiosk's hub answers and the step engine.
    expect(files.has(path.join(root, 'core/protocol/kiosk-answers.ts'))).toBe(true);
    expect(files.has(path.join(root, 'core/engine/session.ts'))).toBe(true);
    expect((packages.get('zod') ?? []).map((file) => chain(files, file))).toEqual([]);
    // Issue 15: the pattern analyser stays in the hub's full checker; the kiosk relies on its hub having refused unsafe patterns.
    expect((packages.get('redos-detector') ?? []).map((file) => chain(files, file))).toEqual([]);
  });

  it('the same walk finds zod, and the chain to it, where a page does load it', () => {
    // The volunteer console checks its answers with zod, a few imports down from its entry.
    const { files, packages } = graphFrom(path.join(root, 'renderer/volunteer/main.tsx'));
    const importers = packages.get('zod') ?? [];
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.map((file) => chain(files, file)).join('\n')).toMatch(/core\/protocol\/http\.ts ← .* ← renderer\/volunteer\/main\.tsx/);
  });
});
