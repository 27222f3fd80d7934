/**
 * The renderer's apps do not import each other (eslint.config.js, scripts/lint/renderer-boundaries.js):
 * linted with the project's own configuration, as `npm run lint` does.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The boundary rule's messages for one import line in a file at `file` (relative to the project). */
async function boundaryProblems(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = value;\n`, { filePath: path.join(root, file) });
  // A line that does not parse would pass unseen: no rule runs on it.
  expect((result?.messages ?? []).filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((message) => message.ruleId === 'paso/renderer-app-boundaries').map((message) => message.message);
}

describe('the renderer apps keep to themselves', () => {
  it('staff reaches the kiosk through its public entry, and only through it', async () => {
    expect(await boundaryProblems('renderer/staff/preview/x.tsx', "import { value } from '../../kiosk/public.js';")).toEqual([]);
    expect(await boundaryProblems('renderer/staff/preview/x.tsx', "import { value } from '../../kiosk/steps/step-screen.js';")).toEqual([
      expect.stringContaining('only through its public entry (renderer/kiosk/public.ts)'),
    ]);
    expect(await boundaryProblems('renderer/staff/x.tsx', "export { value } from './../kiosk/fit/kiosk-screens.js';")).toHaveLength(1);
  });

  it('the kiosk, staff and volunteer apps never import each other otherwise, and renderer/ui imports none of them', async () => {
    const crossings = [
      ['renderer/kiosk/app/x.tsx', "import { value } from '../../staff/app/routes.js';"],
      ['renderer/kiosk/main.tsx', "import { value } from '../volunteer/app/x.js';"],
      ['renderer/volunteer/app/x.tsx', "import { value } from '../../kiosk/public.js';"],
      ['renderer/volunteer/app/x.tsx', "const { value } = await import('../../staff/session/staff-session.js');"],
      ['renderer/ui/press/x.tsx', "import { value } from '../../kiosk/public.js';"],
    ];
    for (const [file, line] of crossings)
      expect(await boundaryProblems(file ?? '', line ?? ''), `${file}: ${line}`).toEqual([expect.stringContaining('may not import')]);
  });

  it('each app uses its own folders, renderer/ui and core/ freely', async () => {
    // renderer/kiosk/volunteer is the kiosk's volunteer mode, not the volunteer console.
    expect(await boundaryProblems('renderer/kiosk/app/x.tsx', "import { value } from '../volunteer/volunteer-api.js';")).toEqual([]);
    expect(await boundaryProblems('renderer/staff/app/x.tsx', "import { value } from '../../ui/stored-value.js';")).toEqual([]);
    expect(await boundaryProblems('renderer/volunteer/app/x.tsx', "import { value } from '../../../core/text/pick-text.js';")).toEqual([]);
  });
});
