/** What the editor's page and its checking worker (check.worker.ts) say to each other. */
import type { EditorCheck } from './located-problems.js';
import type { FormData } from './yaml-document.js';

/** A text to check; `id` grows with every request, so an answer to an older one is known as stale. */
export interface CheckRequest {
  id: number;
  text: string;
}

/** The check of one request's text, and the form's data of it. */
export interface CheckReply {
  id: number;
  check: EditorCheck;
  form: FormData;
}
