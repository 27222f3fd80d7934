/**
 * Rings and announces each hand newly raised in a running workshop: the phone beeps and buzzes
 * as for a new call, and a sentence ("Puesto 3 levanta la mano.") goes to the page's live region,
 * whichever page of the console is open. A snapshot after a reconnect does not announce the same
 * hands again (core/workshop/grid.ts newlyRaisedHands).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainerWorkshopView, WorkshopSeat } from '../../../core/protocol/workshop.js';
import { newlyRaisedHands } from '../../../core/workshop/grid.js';
import { seatName } from './seat-card.js';

/** What sounds a new hand: the console's own alert (the volunteer's phone beeps and buzzes as for a call). */
export interface HandAlert {
  ring(): void;
}

/**
 * Returns the ref of the live region (an element React leaves empty), into which the sentence is
 * written at each new hand: saying a hand costs no re-render of the console.
 */
export function useHandAnnouncer(workshops: readonly TrainerWorkshopView[], alert: HandAlert): RefObject<HTMLParagraphElement | null> {
  const liveRegion = useRef<HTMLParagraphElement>(null);
  const { t } = useTranslation();
  const seen = useRef(new Map<string, readonly WorkshopSeat[]>());
  useEffect(() => {
    const fresh: WorkshopSeat[] = [];
    for (const workshop of workshops) {
      fresh.push(...newlyRaisedHands(seen.current.get(workshop.id) ?? [], workshop.seats));
      seen.current.set(workshop.id, workshop.seats);
    }
    if (fresh.length === 0) return;
    alert.ring();
    if (liveRegion.current) liveRegion.current.textContent = fresh.map((seat) => t('workshop.handAnnounce', { name: seatName(seat, t) })).join(' ');
  }, [workshops, alert, t]);
  return liveRegion;
}
