import type { InputErrorCode } from './messages.js';

/** The outcome of checking one typed answer: the tidied value, or why it was refused. */
export type FieldValidation = { ok: true; value: string } | { ok: false; code: InputErrorCode };
