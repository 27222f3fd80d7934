/**
 * The editor's checker, off the page's main thread: checking a large script takes long enough
 * (the whole file is read, located and validated) that typing would wait for it. Answers each
 * text with its problems and the data the form shows; use-checker.ts decides which answers are
 * still wanted.
 */
import '../../ui/zod-without-eval.js';
import { checkForEditor } from './located-problems.js';
import { formDataOf } from './yaml-document.js';
import type { CheckReply, CheckRequest } from './check-messages.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage: (reply: CheckReply) => void };

scope.onmessage = (event) => {
  const { id, text } = event.data;
  scope.postMessage({ id, check: checkForEditor(text), form: formDataOf(text) });
};
