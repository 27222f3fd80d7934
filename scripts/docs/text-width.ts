/**
 * How wide a line prints in DejaVu Sans, the widest font of the card's stack (Liberation Sans and
 * Arial are narrower), so that words are kept inside their boxes and lines are wrapped before the
 * page's edge. The advances were measured once in Chromium (canvas measureText at 1000 px,
 * rounded up); a character not in the table counts as a full em, never too narrow.
 */

const characters = ' !"#%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáéíóúüñÁÉÍÓÚÑ¿¡–—−’';
/** Advances of {@link characters} in thousandths of an em, regular then bold. */
const regular = [
  318, 401, 460, 838, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
  685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 613, 635, 550, 635, 616,
  353, 635, 634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 613, 616, 278, 612, 634, 634, 634, 685, 632, 295,
  788, 732, 749, 531, 401, 500, 1000, 838, 318,
];
const bold = [
  349, 457, 521, 838, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581,
  774, 763, 734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 675, 716, 593, 716, 679,
  436, 716, 712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 675, 679, 343, 688, 712, 712, 712, 774, 684, 373,
  851, 813, 837, 581, 457, 500, 1000, 838, 380,
];

const advance = new Map<string, [number, number]>([...characters].map((character, index) => [character, [regular[index] ?? 1000, bold[index] ?? 1000]]));

/** How wide `text` prints at `size` points, in points, with 3 % to spare for kerning and hinting. */
export function textWidth(text: string, size: number, isBold = false): number {
  let thousandths = 0;
  for (const character of text) thousandths += advance.get(character)?.[isBold ? 1 : 0] ?? 1000;
  return (thousandths / 1000) * size * 1.03;
}
