/**
 * Which of the top bar's controls stay in its one row (issue 12): the bar's text grows with the
 * senior's text size, and at 48 or 64 px its controls are wider than a 1,366 px screen. The bar
 * never takes a second row (each row is room taken from the step), so the controls that do not
 * fit go, in the bar's order, into a sheet opened by "Más opciones" at the bar's end.
 *
 * Pure: the kiosk measures the widths and passes them in.
 */

/**
 * The bar's controls, most wanted first: "Repetir" (a senior who missed a sentence must find it
 * at once), then the way out, then the voice's speed and volume. There is no way into volunteer
 * mode among them (issue 13): seniors took "Voluntario" for "Llamar a un voluntario", so the
 * volunteer who holds the call starts it from their phone instead.
 */
export const barControlsByPriority = ['repeat', 'restart', 'speed', 'volume'] as const;

/** One of the bar's controls. */
export type BarControlId = (typeof barControlsByPriority)[number];

/** One control of the bar, as measured on one row. */
export interface BarControl<Id extends string = string> {
  id: Id;
  /** Its width on one row, px, with its border. */
  width: number;
}

/** What {@link fitBarControls} needs to know of the bar. */
export interface BarRoom {
  /** The bar's inner width less what always stays in it (the DEMO label, "Sin sonido"), px. */
  width: number;
  /** The gap between two controls, px. */
  gap: number;
  /** The width of "Más opciones", px. */
  moreWidth: number;
}

/**
 * The controls that stay in the row, most wanted first in `byPriority`: each is kept while it
 * and those before it fit, with "Más opciones" beside them as soon as one does not. The first
 * that does not fit ends the row, even where a later, narrower one would: the bar keeps the same
 * controls in the same order at a given screen and text size, whatever the labels' lengths do.
 */
export function fitBarControls<Id extends string>(byPriority: readonly BarControl<Id>[], room: BarRoom): Set<Id> {
  const widthOf = (controls: readonly BarControl<Id>[]): number =>
    controls.reduce((sum, control) => sum + control.width, 0) + room.gap * Math.max(0, controls.length - 1);
  if (widthOf(byPriority) <= room.width) return new Set(byPriority.map((control) => control.id));
  const kept: BarControl<Id>[] = [];
  for (const control of byPriority) {
    const withIt = [...kept, control];
    if (widthOf(withIt) + room.gap + room.moreWidth > room.width) break;
    kept.push(control);
  }
  return new Set(kept.map((control) => control.id));
}
