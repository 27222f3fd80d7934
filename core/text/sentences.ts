/**
 * A text's sentences, each a block of its own on the kiosk so a long text can go over parts
 * between two sentences (one idea per sentence, as the authoring guide asks); never split inside
 * one. Ends at ". ! ? …" and the Arabic question mark; a text without any is one sentence.
 */
export function sentencesOf(text: string): string[] {
  const sentences = text.split(/(?<=[.!?…؟])\s+(?=\S)/u).filter((sentence) => sentence.trim() !== '');
  return sentences.length > 0 ? sentences : [text];
}
