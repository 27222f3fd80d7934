/**
 * What a help call's status says on screen: the full sentence (the status panel, the call sheet;
 * the same words the kiosk speaks) and the short form the help button itself shows on a short
 * screen, where the panel would take a sixth of the height from the step (kiosk-app.tsx).
 */
import type { TFunction } from 'i18next';
import { waitMinutes } from '../../../core/help-call/estimate.js';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';

/** The status in full, as the panel shows it and the kiosk says it; nothing when there is no call. */
export function helpCallMessage(status: HelpCallStatus, t: TFunction): string | undefined {
  switch (status.kind) {
    case 'calling':
      return t('help.calling');
    case 'queued':
      return status.estimatedWaitSeconds > 0
        ? t('help.queued', { position: status.position, count: waitMinutes(status.estimatedWaitSeconds) })
        : t('help.queuedSoon', { position: status.position });
    case 'coming':
      return t('help.coming', { name: status.volunteerName });
    case 'arrived':
      return t('help.arrived', { name: status.volunteerName });
    case 'nobody-came':
      return t('help.nobodyCame', { inPersonHelp: status.inPersonHelp });
    case 'unreachable':
      return `${t('help.unreachable', { inPersonHelp: status.inPersonHelp })} ${t('help.stillTrying')}`;
    default:
      return undefined;
  }
}

/**
 * The status in a few words, for the help button's own box (at most three lines of 28 px in
 * 520 px): the full sentence is one tap away, in the call sheet, and is spoken.
 */
export function helpCallShort(status: HelpCallStatus, t: TFunction): string | undefined {
  switch (status.kind) {
    case 'calling':
      return t('help.short.calling');
    case 'queued':
      return status.estimatedWaitSeconds > 0
        ? t('help.short.queued', { position: status.position, count: waitMinutes(status.estimatedWaitSeconds) })
        : t('help.short.queuedSoon', { position: status.position });
    case 'coming':
      return t('help.short.coming', { name: status.volunteerName });
    case 'arrived':
      return t('help.short.arrived', { name: status.volunteerName });
    case 'nobody-came':
      return t('help.short.nobodyCame');
    case 'unreachable':
      return t('help.short.unreachable');
    default:
      return undefined;
  }
}
