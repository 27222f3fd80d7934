/**
 * A step's picture (`image` in the script), served by the hub from assets/images, with its
 * description as alt text in the text's language. Its height is capped so the step's controls
 * stay near; the help button is in the fixed dock and cannot be pushed away by it.
 */
import { useState } from 'react';
import { procedureImagesPrefix } from '../../../core/protocol/api-routes.js';
import type { Step } from '../../../core/procedure/schema.js';
import type { ProcedureLanguage } from './procedure-language.js';

/** Props of {@link StepPicture}. */
export interface StepPictureProps {
  image: NonNullable<Step['image']>;
  words: ProcedureLanguage;
}

/** The picture, or nothing when the step has none or the file cannot be loaded. */
export function StepPicture({ image, words }: StepPictureProps) {
  // A broken image icon helps nobody: a picture that does not load is left out.
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    <figure className="step-picture">
      <img src={`${procedureImagesPrefix}${image.src}`} alt={words.text(image.alt)} lang={words.lang} onError={() => setFailed(true)} />
    </figure>
  );
}
