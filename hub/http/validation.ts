/**
 * Validates what comes in from outside with the contract's zod schemas, and words the first
 * problem for a person: which field, what is wrong.
 */
import type { z } from 'zod';
import { requestRuleReason } from '../../core/protocol/request-rules.js';
import { HubError } from './hub-error.js';

/** Parses `value` with `schema`, or throws a 400 naming the field and the problem. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  if (issue?.code === 'unrecognized_keys') throw new HubError(400, `unknown field "${issue.keys.join('", "')}"`);
  if (issue?.code === 'invalid_type' && field) {
    const missing = / received undefined$/.test(issue.message);
    throw new HubError(400, missing ? `${field} is missing` : `${field} should be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`, field);
  }
  const message = (issue?.message ?? 'the request is not valid').replace(/^Invalid input: /, '');
  // A rule staff meet in the console goes with its reason, for the console to word it in its language.
  const reason = requestRuleReason(message);
  throw new HubError(400, field ? `${field}: ${message}` : message, field, reason ? { reason } : undefined);
}
