/**
 * The kiosk shell's configuration file (`kiosk-config.json`, written by staff when a kiosk is
 * installed): who the kiosk is, where its hub is, its device token, languages, idle times,
 * opening hours, headphones and printer. It is checked as a whole before the kiosk starts; a file with any
 * problem is refused with every problem named in plain words, so the kiosk never runs
 * half-configured.
 */
import { z } from 'zod';
import { defaultSettleMs, maximumSettleMs } from '../kiosk/settle.js';
import { hubAddressKind } from './hub-address.js';

/** Days of the week in the order `Date#getDay()` numbers them (0 = Sunday). */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** One of {@link weekdays}. */
export type Weekday = (typeof weekdays)[number];

/** One opening period of a day, in minutes after midnight (local time); `end` is after `start`. */
export interface OpeningPeriod {
  start: number;
  end: number;
}

const timeOfDay = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(text: string): number | undefined {
  const match = timeOfDay.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `"09:00-14:00"`: a period that starts and ends the same day (a library does not open overnight). */
const periodSchema = z.string().transform((text, context): OpeningPeriod => {
  const [from = '', to = '', ...rest] = text.split('-').map((part) => part.trim());
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (rest.length > 0 || start === undefined || end === undefined) {
    context.addIssue({ code: 'custom', message: `must be a time range like "09:00-14:00" (24-hour clock); it is "${text}"` });
    return z.NEVER;
  }
  if (end <= start) {
    context.addIssue({ code: 'custom', message: `must end after it starts, on the same day; "${text}" does not` });
    return z.NEVER;
  }
  return { start, end };
});

const daySchema = z.array(periodSchema, { error: 'must be a list of time ranges like ["09:00-14:00", "16:00-20:00"] (an empty list: closed all day)' });

// A bare origin only: a user name or password in the address would be sent to whoever answers,
// and a path or query would be silently dropped. Non-ASCII host names are refused: written in
// punycode (xn--…) they cannot look like another host. Checked by pattern, not by URL parsing,
// because core/ has no URL class (and a pattern leaves no room for a parser's leniency).
const hubUrlPattern = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?\/?$/i;

const httpUrlSchema = z.string({ error: 'must be the hub\'s web address, like "https://hub.example.org"' }).transform((text, context) => {
  const [, scheme, host, port] = hubUrlPattern.exec(text.trim()) ?? [];
  if (scheme === undefined || host === undefined || (port !== undefined && Number(port) > 65535)) {
    context.addIssue({
      code: 'custom',
      message: `must be a web address starting with http:// or https:// and nothing after the host and port, like "https://hub.example.org"; it is "${text}"`,
    });
    return z.NEVER;
  }
  // The origin in lower case, without a trailing slash: what the shell compares against.
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${port === undefined ? '' : `:${port}`}`;
});

/** The configuration file as staff write it. Unknown fields are refused: a typo must not be ignored. */
export const kioskConfigSchema = z
  .object({
    kioskId: z
      .string({ error: 'must be the kiosk\'s id as text, like "biblioteca-centro-1"' })
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes, like "biblioteca-centro-1"'),
    hubUrl: httpUrlSchema,
    // Staff's explicit, logged opt-in to plain http:// towards a hub on a private network address
    // (a library's own LAN without certificates). See insecureHubProblem.
    allowInsecurePrivateNetwork: z.boolean({ error: 'must be true or false' }).optional(),
    deviceToken: z
      .string({ error: 'must be the device token the staff console showed when the kiosk was added' })
      .min(16, 'is too short to be a device token (the staff console gives one of at least 16 characters)')
      .max(512, 'is too long to be a device token'),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code like "es"'), { error: 'must be a list of language codes like ["es", "en"]' })
      .min(1, 'must list at least one language')
      .refine((list) => new Set(list).size === list.length, 'lists the same language twice')
      .default(['es', 'en', 'ar']),
    idle: z
      .object(
        {
          idleSeconds: z
            .number({ error: 'must be a number of seconds' })
            .int('must be a whole number of seconds')
            .min(10, 'must be at least 10 seconds')
            .max(3600, 'must be at most 3600 seconds (one hour)'),
          // ACCESSIBILITY.md: a senior gets at least a full minute to answer the idle warning.
          warningSeconds: z
            .number({ error: 'must be a number of seconds' })
            .int('must be a whole number of seconds')
            .min(60, 'must be at least 60 seconds: seniors need a full minute to answer')
            .max(600, 'must be at most 600 seconds'),
        },
        { error: 'must be like { "idleSeconds": 120, "warningSeconds": 60 }' },
      )
      .strict()
      .default({ idleSeconds: 120, warningSeconds: 60 }),
    openingHours: z
      .object(Object.fromEntries(weekdays.map((day) => [day, daySchema.default([])])) as Record<Weekday, z.ZodDefault<typeof daySchema>>, {
        error: 'must be like { "monday": ["09:00-14:00"], … } with one entry per open day',
      })
      .strict(),
    // Whether headphones are plugged in: spoken prompts then play without a tap (issue 5); and
    // whether a numeric keypad is, for the spoken mode (issue 17), which needs both.
    audio: z
      .object(
        {
          headphones: z.boolean({ error: 'must be true or false' }).default(false),
          keypad: z.boolean({ error: 'must be true or false' }).default(false),
        },
        { error: 'must be like { "headphones": true, "keypad": true }' },
      )
      .strict()
      .default({ headphones: false, keypad: false }),
    // How long a new screen ignores a finger (issue 13): 400 ms by default; 0 turns it off.
    touch: z
      .object(
        {
          settleMilliseconds: z
            .number({ error: 'must be a number of milliseconds' })
            .int('must be a whole number of milliseconds')
            .min(0, 'must be 0 (off) or more')
            .max(maximumSettleMs, `must be at most ${maximumSettleMs} ms: longer, and a senior's deliberate tap is lost`)
            .default(defaultSettleMs),
        },
        { error: 'must be like { "settleMilliseconds": 400 }' },
      )
      .strict()
      .default({ settleMilliseconds: defaultSettleMs }),
    printer: z
      .object(
        { name: z.string().min(1, 'must not be empty; leave "name" out to use the system\'s default printer').optional() },
        { error: 'must be like { "name": "HP_LaserJet" } or {} for the default printer' },
      )
      .strict()
      .default({}),
  })
  .strict()
  .superRefine(
    (config, context) => {
      const problem = insecureHubProblem(config.hubUrl, config.allowInsecurePrivateNetwork === true);
      if (problem) context.addIssue({ code: 'custom', path: ['hubUrl'], message: problem });
    },
    // Checked whenever the address itself is well formed, so it is named with the file's other problems.
    { when: (payload) => !payload.issues.some((issue) => ['hubUrl', 'allowInsecurePrivateNetwork'].includes(String(issue.path?.[0]))) },
  );

/**
 * Why a well-formed hub origin may not be used, or undefined. The device token, the help calls
 * and the volunteers' PINs travel to the hub, so it must be `https://`, except on this computer
 * (localhost, 127.0.0.0/8, ::1: nothing leaves the machine) or, when staff set
 * `allowInsecurePrivateNetwork`, at a private network address (10/8, 172.16/12, 192.168/16,
 * link-local, IPv6 unique-local) written as an address: anyone on that network can read and
 * change the traffic, which is why it is an opt-in, logged at every start.
 */
export function insecureHubProblem(hubOrigin: string, allowInsecurePrivateNetwork: boolean): string | undefined {
  const match = /^http:\/\/(\[[^\]]*\]|[^:/]+)/.exec(hubOrigin);
  if (!match) return undefined;
  const kind = hubAddressKind(match[1] ?? '');
  if (kind === 'loopback') return undefined;
  if (kind === 'private' && allowInsecurePrivateNetwork) return undefined;
  if (allowInsecurePrivateNetwork)
    return `"allowInsecurePrivateNetwork" only allows http:// to a private network address written as numbers (10.x.x.x, 172.16-31.x.x, 192.168.x.x, 169.254.x.x, [fe80::…], [fd…::…]), not a name or a public address; use https:// for "${hubOrigin}"`;
  return `must start with https:// (the device token and the help calls travel over it); http:// is only for this computer (localhost, 127.0.0.1, [::1]), or for a private network address with "allowInsecurePrivateNetwork": true; it is "${hubOrigin}"`;
}

/** What the shell logs at start when the configuration opted in to plain http:// (undefined when it did not need to). */
export function insecureHubNotice(config: Pick<KioskConfig, 'hubUrl' | 'allowInsecurePrivateNetwork'>): string | undefined {
  if (!config.hubUrl.startsWith('http://') || insecureHubProblem(config.hubUrl, false) === undefined) return undefined;
  return `allowInsecurePrivateNetwork: talking to the hub ${config.hubUrl} over plain http://, readable and changeable by anyone on that network; use https:// when the hub has a certificate`;
}

/** A checked configuration. */
export type KioskConfig = z.output<typeof kioskConfigSchema>;

/** The outcome of reading a configuration file: the configuration, or every problem in words. */
export type KioskConfigResult = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

/** `openingHours.monday[1]` from zod's path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = field ? ` in ${field}` : '';
    return `${issue.keys.map((key) => `"${key}"`).join(', ')}${where}: is not a setting the kiosk knows (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: is missing`;
  return `${field || 'the file'}: ${issue.message}`;
}

/** Reads the text of a configuration file (JSON). Never throws. */
export function parseKioskConfig(text: string): KioskConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: ['the file must hold one JSON object, like { "kioskId": … }'] };
  // reportInput keeps the offending value on each issue, so a missing field can be told from a wrong one.
  const parsed = kioskConfigSchema.safeParse(raw, { reportInput: true });
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false, problems: parsed.error.issues.map(describeIssue) };
}
