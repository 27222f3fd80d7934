/**
 * Volunteer mode at the kiosk: the volunteer signed in here (their token in memory only) and
 * whether their panel is open. Its way in is the volunteer's request from their phone
 * (core/kiosk/volunteer-take-over.ts decides between asking for the PIN and opening the panel
 * again); its way out is theirs ("Salir") or the end of the senior's session.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { takeOverAction, type TakeOverRequest } from '../../../core/kiosk/volunteer-take-over.js';
import { volunteerLogout, type KioskVolunteer } from '../volunteer/volunteer-api.js';

/** Volunteer mode's state and what changes it. */
export interface VolunteerMode {
  /** The volunteer signed in at the kiosk, for the call they hold. */
  volunteer: KioskVolunteer | undefined;
  /** The volunteer's panel is on screen. */
  panelOpen: boolean;
  /** The PIN dialog is wanted: a request from the phone of a volunteer not signed in here for that call. */
  askPin: boolean;
  /** The PIN was right: this volunteer replaces any other signed in, and their panel opens. */
  signedIn(volunteer: KioskVolunteer): void;
  /** The volunteer's "Salir": signed out on the hub, the panel gone. */
  exit(): void;
  /** The panel closes; the volunteer stays signed in for their call. */
  closePanel(): void;
  /** The senior's session ended (or the kiosk opened at a step): whoever is signed in is signed out. Stable. */
  endWithSession(): void;
}

/**
 * Volunteer mode over the help call's take-over request (`takeOver`, use-help-call.ts) and the
 * way to dismiss it once acted on.
 */
export function useVolunteerMode(takeOver: TakeOverRequest | undefined, dismissTakeOver: () => void): VolunteerMode {
  const [volunteer, setVolunteer] = useState<KioskVolunteer | undefined>(undefined);
  const [panelOpen, setPanelOpen] = useState(false);
  const action = takeOverAction(takeOver, volunteer?.callId);
  // Signed in already for this call, the volunteer's phone button opens the panel again
  // (during render: React's pattern for state that follows other state).
  if (action === 'reopen-panel') {
    setPanelOpen(true);
    dismissTakeOver();
  }
  // Read by endWithSession, which must stay the same function for its callers' callbacks.
  const volunteerRef = useRef<KioskVolunteer | undefined>(undefined);
  useEffect(() => {
    volunteerRef.current = volunteer;
  }, [volunteer]);
  const endWithSession = useCallback((): void => {
    if (volunteerRef.current) volunteerLogout(volunteerRef.current.token);
    setVolunteer(undefined);
    setPanelOpen(false);
  }, []);
  return {
    volunteer,
    panelOpen,
    askPin: action === 'ask-pin',
    signedIn: (signedIn) => {
      if (volunteer) volunteerLogout(volunteer.token);
      setVolunteer(signedIn);
      setPanelOpen(true);
      dismissTakeOver();
    },
    exit: () => {
      if (volunteer) volunteerLogout(volunteer.token);
      setVolunteer(undefined);
      setPanelOpen(false);
    },
    closePanel: () => setPanelOpen(false),
    endWithSession,
  };
}
