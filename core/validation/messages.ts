/**
 * What a senior is told when an answer cannot be accepted: one plain sentence that says what is
 * wrong and what to do, in each UI language. Spanish is the fallback for any other language.
 */

/** Every reason an answer or a move can be refused. */
export type InputErrorCode =
  | 'empty'
  | 'too-long'
  | 'dni-nie-format'
  | 'dni-letter'
  | 'nie-letter'
  | 'postcode-format'
  | 'postcode-province'
  | 'phone-format'
  | 'phone-not-mobile'
  | 'date-format'
  | 'date-not-a-day'
  | 'date-year'
  | 'number-format'
  | 'pattern'
  | 'choose-an-answer'
  | 'unknown-choice'
  | 'unknown-item'
  | 'tick-every-item'
  | 'wrong-answer-kind'
  | 'at-the-end'
  | 'unknown-step'
  | 'not-at-review'
  | 'not-on-path'
  | 'wrong-procedure';

/** The languages core ships sentences for; the kiosk adds others through its own translations. */
export type MessageLanguage = 'es' | 'en';

const messages: Record<InputErrorCode, Record<MessageLanguage, string>> = {
  empty: { es: 'Escriba algo aquí para seguir.', en: 'Type something here to go on.' },
  'too-long': { es: 'Es demasiado largo. Escriba menos letras.', en: 'This is too long. Type fewer letters.' },
  'dni-nie-format': {
    es: 'Escriba 8 números y una letra. Si es un NIE, empieza por X, Y o Z.',
    en: 'Type 8 numbers and a letter. A NIE starts with X, Y or Z.',
  },
  'dni-letter': {
    es: 'La letra no corresponde a ese número. Mire su DNI y compruebe los números y la letra.',
    en: 'The letter does not match that number. Look at your DNI and check the numbers and the letter.',
  },
  'nie-letter': {
    es: 'La letra del final no corresponde a ese número. Mire su NIE y compruebe todo.',
    en: 'The last letter does not match that number. Look at your NIE and check everything.',
  },
  'postcode-format': { es: 'El código postal tiene 5 números.', en: 'A postcode has 5 numbers.' },
  'postcode-province': {
    es: 'Ese código postal no existe en España. Mire una carta con su dirección.',
    en: 'That postcode does not exist in Spain. Look at a letter with your address.',
  },
  'phone-format': {
    es: 'El teléfono tiene 9 números y empieza por 6, 7, 8 o 9.',
    en: 'A phone number has 9 numbers and starts with 6, 7, 8 or 9.',
  },
  'phone-not-mobile': {
    es: 'Aquí hace falta un móvil. Los móviles empiezan por 6 o 7.',
    en: 'A mobile number is needed here. Mobile numbers start with 6 or 7.',
  },
  'date-format': {
    es: 'Escriba la fecha así: día, mes y año. Por ejemplo, 05/03/1950.',
    en: 'Type the date like this: day, month and year. For example, 05/03/1950.',
  },
  'date-not-a-day': {
    es: 'Esa fecha no existe. Compruebe el día y el mes.',
    en: 'That date does not exist. Check the day and the month.',
  },
  'date-year': { es: 'Compruebe el año. Escríbalo con 4 números.', en: 'Check the year. Type it with 4 numbers.' },
  'number-format': { es: 'Escriba solo números.', en: 'Type numbers only.' },
  pattern: { es: 'Eso no tiene la forma esperada. Compruébelo.', en: 'That does not look right. Please check it.' },
  'choose-an-answer': { es: 'Elija una respuesta para seguir.', en: 'Choose an answer to go on.' },
  'unknown-choice': { es: 'Esa respuesta no está en la lista.', en: 'That answer is not on the list.' },
  'unknown-item': { es: 'Eso no está en la lista.', en: 'That is not on the list.' },
  'tick-every-item': {
    es: 'Marque todo lo de la lista para seguir. Si le falta algo, pida ayuda.',
    en: 'Tick everything on the list to go on. If something is missing, ask for help.',
  },
  'wrong-answer-kind': { es: 'Este paso no pide esa respuesta.', en: 'This step does not ask for that answer.' },
  'at-the-end': { es: 'Ha llegado al final.', en: 'You have reached the end.' },
  'unknown-step': { es: 'Ese paso no existe.', en: 'That step does not exist.' },
  'not-at-review': {
    es: 'Solo se puede corregir desde la pantalla de revisión.',
    en: 'You can only correct from the review screen.',
  },
  'not-on-path': { es: 'Ese paso no está en su camino.', en: 'That step is not on your way.' },
  'wrong-procedure': {
    es: 'Este trámite ha cambiado. Empiece de nuevo, por favor.',
    en: 'This procedure has changed. Please start again.',
  },
};

/** One plain sentence for an error code, in the given language (`en-GB` reads as `en`; Spanish when there is none). */
export function describeError(code: InputErrorCode, language: string): string {
  const byLanguage = messages[code];
  return language.split('-')[0] === 'en' ? byLanguage.en : byLanguage.es;
}
