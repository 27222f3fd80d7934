/**
 * The few web-platform globals `core/` may use. They exist in every runtime Paso a Paso runs in
 * (browsers, Electron, Node) but are not part of ECMAScript, so `lib: ES2023` alone lacks them.
 * Declaring only these keeps `window`, `document` and `node:*` type errors inside `core/`.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
