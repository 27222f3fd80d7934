/**
 * ESLint rule `paso/renderer-app-boundaries`: the kiosk, staff and volunteer apps under renderer/
 * never import each other, so each can change without breaking another it never ran in. The one
 * way across is the staff console's preview, which draws the kiosk's own screens: staff may import
 * the kiosk only through its public entry, renderer/kiosk/public.ts. renderer/ui and core/ are
 * shared by all, so renderer/ui imports none of the apps either.
 *
 * Import specifiers are resolved against the importing file: a name pattern cannot tell
 * renderer/kiosk/volunteer/ (the kiosk's volunteer mode) from renderer/volunteer/ (the console).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const renderer = path.join(root, 'renderer');

/** The apps that may not import each other. */
const apps = ['kiosk', 'staff', 'volunteer'];

/** Module paths (without extension) each app may import from another app. */
const publicEntries = { staff: [path.join(renderer, 'kiosk/public')] };

/** The first folder under renderer/ a file is in, if it is in renderer/. */
function folderOf(file) {
  const relative = path.relative(renderer, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0];
}

/** The app a file belongs to, if it is in one. */
function appOf(file) {
  const folder = folderOf(file);
  return folder !== undefined && apps.includes(folder) ? folder : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const rendererAppBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'The renderer apps do not import each other; staff reaches the kiosk only through renderer/kiosk/public.ts.' },
    schema: [],
    messages: {
      crossing: 'renderer/{{from}} may not import renderer/{{to}}: the apps share code through renderer/ui and core/ only.',
      notPublic: 'renderer/{{from}} may import renderer/{{to}} only through its public entry ({{entry}}); export what you need there.',
    },
  },
  create(context) {
    // The shared kit is held to the same rule: it may import no app at all.
    const from = appOf(context.filename) ?? (folderOf(context.filename) === 'ui' ? 'ui' : undefined);
    if (!from) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source.value.split('?')[0]);
      const to = appOf(target);
      if (!to || to === from) return;
      const allowed = publicEntries[from] ?? [];
      const bare = target.replace(/\.(js|jsx|ts|tsx)$/, '');
      if (allowed.includes(bare)) return;
      const entry = allowed.find((candidate) => appOf(candidate) === to);
      if (entry) context.report({ node: source, messageId: 'notPublic', data: { from, to, entry: `${path.relative(root, entry)}.ts` } });
      else context.report({ node: source, messageId: 'crossing', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
