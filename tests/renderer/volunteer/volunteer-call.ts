/** A help call as the volunteer console receives it, for the console's unit tests. */
import type { VolunteerCallView } from '../../../core/protocol/http.js';

/** A call as the hub shows it to a volunteer, changed by `overrides`. */
export function volunteerCall(overrides: Partial<VolunteerCallView> = {}): VolunteerCallView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    state: 'offered',
    kioskName: 'Kiosco 1',
    kioskLocation: 'Planta baja',
    procedureTitle: { es: 'Certificado', en: 'Certificate' },
    stepTitle: { es: 'Entrar con Cl@ve' },
    sensitiveStep: false,
    commonProblems: [],
    language: 'es',
    mode: 'touch',
    createdAt: 1_000_000,
    mine: false,
    offeredToMe: true,
    ...overrides,
  };
}
