import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioManifest } from '../../../core/audio/manifest.js';
import type { Procedure, Step } from '../../../core/procedure/schema.js';
import { loadManifest, renderPreviewSpeech, stepAudio } from './prompt-audio.js';

let manifestOnce: Promise<AudioManifest | undefined> | undefined;

/** "Listen": plays the step's built prompts one after the other, as the kiosk would; says when there are none or they are out of date. */
export function ListenButton({ procedure, step, language, token }: { procedure: Procedure; step: Step; language: string; token: string }) {
  const { t } = useTranslation();
  const [manifest, setManifest] = useState<AudioManifest | undefined | 'loading'>('loading');
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = useRef<HTMLAudioElement | undefined>(undefined);

  useEffect(() => {
    let live = true;
    manifestOnce ??= loadManifest();
    void manifestOnce.then((loaded) => {
      if (live) setManifest(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  // Each play gets a number; stopping changes it, so a rendering that arrives late is not played.
  const playback = useRef(0);
  const stop = (): void => {
    playback.current += 1;
    current.current?.pause();
    current.current = undefined;
    setPlaying(false);
  };
  // A new step or language stops what was playing.
  useEffect(() => stop, [step, language]);

  const audio = manifest === 'loading' ? undefined : stepAudio(manifest, procedure, step, language);
  const play = (): void => {
    if (!audio || audio.clips.length === 0) return;
    setFailed(false);
    setPlaying(true);
    const mine = ++playback.current;
    const queue = [...audio.clips];
    const fail = (): void => {
      setFailed(true);
      stop();
    };
    const next = async (): Promise<void> => {
      const clip = queue.shift();
      if (!clip) return stop();
      // Text changed in the editor has no built audio yet: the hub renders it with the build's engine.
      const url = clip.url ?? (await renderPreviewSpeech(token, clip.text, language));
      if (url === undefined) return fail();
      if (playback.current !== mine) return;
      const element = new Audio(url);
      current.current = element;
      element.onended = () => void next();
      element.onerror = fail;
      element.play().catch(fail);
    };
    void next();
  };

  return (
    <div className="listen">
      <button type="button" className="button button-secondary" disabled={!audio || audio.clips.length === 0} onClick={playing ? stop : play}>
        <span aria-hidden="true">{playing ? '■ ' : '▶ '}</span>
        {playing ? t('preview.stop') : t('preview.listen')}
      </button>
      {audio && audio.missing > 0 ? <p className="hint">{t('preview.noAudio')}</p> : null}
      {audio && audio.onDemand > 0 ? <p className="hint">{t('preview.audioChanged')}</p> : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t('preview.audioFailed')}
        </p>
      ) : null}
    </div>
  );
}
