/**
 * Warns staff of a step a senior would have to page through too often: every step of the
 * procedure is drawn, in hidden frames, on the smallest supported screen at the largest text
 * (1366 × 768 at 64 px), and its parts counted by the kiosk's own pager. A step of more parts
 * than {@link mostPartsBeforeWarning} allows is a warning, never an error: publishing stays
 * possible (issue 12). Counted in the procedure's first language, the one staff write first.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Procedure } from '../../../core/procedure/schema.js';
import { mostPartsBeforeWarning } from '../../kiosk/public.js';
import { MeasureFrame } from './kiosk-frame.js';

/** A step that takes more parts than the limit, and how many. */
export interface FitWarning {
  stepId: string;
  parts: number;
}

/** Props of {@link FitWarningSurvey}. */
export interface FitWarningSurveyProps {
  procedure: Procedure | undefined;
  /** Called with the steps over the limit, in the procedure's order, whenever that list changes. */
  onWarnings: (warnings: FitWarning[]) => void;
}

const { screen } = mostPartsBeforeWarning;

/** The hidden frames that count every step's parts; draws nothing visible. */
export function FitWarningSurvey({ procedure, onWarnings }: FitWarningSurveyProps) {
  const [counted, setCounted] = useState<Record<string, number>>({});
  const signature = useMemo(() => JSON.stringify(procedure ?? null), [procedure]);
  const steps = useMemo(() => procedure?.steps.map((step) => step.id) ?? [], [procedure]);
  const warnings = useMemo(
    () =>
      steps.flatMap((stepId) =>
        (counted[`${signature}:${stepId}`] ?? 0) > mostPartsBeforeWarning.parts ? [{ stepId, parts: counted[`${signature}:${stepId}`] ?? 0 }] : [],
      ),
    [counted, signature, steps],
  );
  const key = JSON.stringify(warnings);
  useEffect(() => {
    onWarnings(JSON.parse(key) as FitWarning[]);
  }, [key, onWarnings]);
  if (!procedure) return null;
  return (
    <div className="fit-survey-frames">
      {steps.map((stepId) => (
        <MeasureFrame
          key={stepId}
          contentKey={`${signature}:${stepId}`}
          procedure={procedure}
          stepId={stepId}
          language={procedure.languages[0] ?? 'es'}
          size={mostPartsBeforeWarning.textSize}
          screen={screen}
          onParts={(parts) =>
            setCounted((current) => (current[`${signature}:${stepId}`] === parts ? current : { ...current, [`${signature}:${stepId}`]: parts }))
          }
        />
      ))}
    </div>
  );
}
