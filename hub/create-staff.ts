/**
 * Creates a staff account from the command line, for the first account of a hub started without
 * demo mode (nobody can sign in to create it through the console):
 * `npm run hub:create-staff -- --email ana@example.org --name "Ana Pérez"`.
 * The password is asked for (hidden) on a terminal, or read from PASO_STAFF_PASSWORD or the first
 * line of stdin; never from the command line, where `ps` and the shell's history would keep it.
 * Uses the same database as the hub (DATA_DIR or DATABASE_URL) and records the creation in the
 * audit trail.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStaffRequestSchema } from '../core/protocol/http.js';
import { createStaff } from './admin/accounts.js';
import { recordAudit } from './audit/audit-log.js';
import { openDatabase, storageFromEnvironment } from './db/connect.js';

const root = path.resolve(import.meta.dirname, '..');

/** Reads the e-mail and name from the arguments; refuses a password given there. */
export function createStaffArguments(args: readonly string[]): { email: string; name: string } {
  const { values } = parseArgs({
    args: [...args],
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  if (values.password !== undefined)
    throw new Error(
      'the password is not taken from the command line (other users see it in "ps", and the shell keeps it): leave --password out and type it when asked, or set PASO_STAFF_PASSWORD',
    );
  if (!values.email || !values.name) throw new Error('say whose account it is: --email <e-mail> --name "<name>"');
  return { email: values.email, name: values.name };
}

/** Reads a line from a terminal without showing it. */
async function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(question);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        for (const character of chunk.toString('utf8')) {
          if (character === '\r' || character === '\n') {
            input.off('data', onData);
            resolve(typed);
            return;
          }
          if (character === '\u0003') {
            input.off('data', onData);
            reject(new Error('stopped'));
            return;
          }
          typed = character === '\u007f' || character === '\b' ? typed.slice(0, -1) : typed + character;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stdout.write('\n');
  }
}

/** The first line of a piped stdin. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnvironment = env['PASO_STAFF_PASSWORD'];
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const password = await askHidden('Password (at least 10 characters): ');
  if ((await askHidden('The same password again: ')) !== password) throw new Error('the two passwords are not the same; nothing was created');
  return password;
}

async function main(): Promise<void> {
  const who = createStaffArguments(process.argv.slice(2).filter((argument) => argument !== '--'));
  const parsed = createStaffRequestSchema.safeParse({ ...who, password: await readPassword(process.env) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? 'the account'}: ${issue?.message ?? 'not valid'}`);
  }
  const database = await openDatabase(storageFromEnvironment(process.env['DATABASE_URL'], path.resolve(process.env['DATA_DIR'] ?? path.join(root, 'data'))));
  try {
    const now = Date.now();
    const account = await createStaff(database.db, parsed.data, now, randomUUID());
    await recordAudit(database.db, { role: 'staff', staffId: account.id, name: account.name, email: account.email }, now, randomUUID(), {
      action: 'staff.create',
      targetKind: 'staff',
      targetId: account.id,
      summary: { code: 'staff-created-cli', params: { name: account.name, email: account.email } },
    });
    console.log(`Staff account created: ${account.name} <${account.email}>. Sign in at the hub's /staff/.`);
  } finally {
    await database.close();
  }
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  main().catch((error: unknown) => {
    console.error(`No staff account was created: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
