import { create } from 'qrcode';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { qrPath } from '../../../core/kiosk/take-home.js';
import { codeForSpeech, codeGroups } from '../../../core/workshop/grid.js';

/** Props of {@link JoinCode}. */
export interface JoinCodeProps {
  code: string;
}

/**
 * The join code, very large and cut into groups to read aloud across a room ("482 913"), with
 * where to type it, and the same code as a QR code (the project's qrcode library, drawn as the
 * take-home sheet draws its own). A screen reader hears the code digit by digit.
 */
export function JoinCode({ code }: JoinCodeProps) {
  const { t } = useTranslation();
  const id = useId();
  const spoken = codeForSpeech(code);
  // Low error correction: the code is short and on a lit screen, so the modules stay large.
  const path = useMemo(() => qrPath(create(code, { errorCorrectionLevel: 'L' }).modules), [code]);
  return (
    <section className="join-code" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="join-code-heading">
        {t('workshop.codeHeading')}
      </h3>
      <p className="join-code-digits">
        {codeGroups(code).map((group, index) => (
          <span key={index} aria-hidden="true">
            {group}
          </span>
        ))}
        <span className="visually-hidden">{t('workshop.codeLabel', { digits: spoken })}</span>
      </p>
      <p className="join-code-hint">{t('workshop.codeHint')}</p>
      <svg
        className="join-code-qr"
        viewBox={`0 0 ${path.side} ${path.side}`}
        role="img"
        aria-label={t('workshop.qrLabel', { digits: spoken })}
        shapeRendering="crispEdges"
      >
        <rect width={path.side} height={path.side} fill="#ffffff" />
        <path d={path.d} fill="#000000" />
      </svg>
    </section>
  );
}
