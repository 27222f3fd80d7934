/**
 * What a senior is told when an answer cannot be accepted: one plain sentence that says what is
 * wrong and what to do, in each UI language. Spanish is the fallback for any other language.
 */

/**
 * Every reason an answer or a move can be refused: the one list the type, the sentences below,
 * the spoken prompts (`core/audio/spoken-ui-keys.ts`) and the tests derive from.
 */
export const inputErrorCodes = [
  'empty',
  'too-long',
  'dni-nie-format',
  'dni-letter',
  'nie-letter',
  'postcode-format',
  'postcode-province',
  'phone-format',
  'phone-not-mobile',
  'date-format',
  'date-not-a-day',
  'date-year',
  'number-format',
  'pattern',
  'choose-an-answer',
  'unknown-choice',
  'unknown-item',
  'tick-every-item',
  'wrong-answer-kind',
  'at-the-end',
  'unknown-step',
  'not-at-review',
  'not-on-path',
  'wrong-procedure',
] as const;

/** One of {@link inputErrorCodes}. */
export type InputErrorCode = (typeof inputErrorCodes)[number];

/** The languages core ships sentences for; the kiosk adds others through its own translations. */
export type MessageLanguage = 'es' | 'en' | 'ar';

/**
 * The languages with sentences. The Arabic ones are machine-made and still need a review by a
 * native speaker before they reach the public.
 */
export const messageLanguages: readonly MessageLanguage[] = ['es', 'en', 'ar'];

/** The language an error is told in for a senior who chose `language` (`en-GB` → `en`); Spanish when core has none. */
export function messageLanguageFor(language: string): MessageLanguage {
  const base = language.split('-')[0] ?? '';
  return (messageLanguages as readonly string[]).includes(base) ? (base as MessageLanguage) : 'es';
}

// Short on purpose: an input's error sits between its field and its keys, and at 64 px on a
// 768 px screen two lines are all the room there is (issue 12's fit matrix); plain words too.
// Each Arabic sentence is kept no longer than its Spanish one: no more characters, and at 64 px
// bold no wider either (measured in Chromium with DejaVu Sans: 0.46 to 0.97 of the Spanish width).
const messages: Record<InputErrorCode, Record<MessageLanguage, string>> = {
  empty: { es: 'Escriba algo aquí para seguir.', en: 'Type something here to go on.', ar: 'اكتب شيئًا هنا لتتابع.' },
  'too-long': { es: 'Es demasiado largo. Escriba menos letras.', en: 'This is too long. Type fewer letters.', ar: 'هذا طويل جدًا. اكتب أحرفًا أقل.' },
  'dni-nie-format': {
    es: 'Escriba 8 números y una letra. Un NIE empieza por X, Y o Z.',
    en: 'Type 8 numbers and a letter. A NIE starts with X, Y or Z.',
    ar: 'اكتب 8 أرقام وحرفًا. بطاقة NIE تبدأ بـ X أو Y أو Z.',
  },
  'dni-letter': {
    es: 'La letra no va con ese número. Mire su DNI otra vez.',
    en: 'The letter does not go with that number. Look at your DNI again.',
    ar: 'الحرف لا يطابق الرقم. انظر إلى بطاقة DNI مرة أخرى.',
  },
  'nie-letter': {
    es: 'La última letra no va con ese número. Mire su NIE otra vez.',
    en: 'The last letter does not go with that number. Look at your NIE again.',
    ar: 'الحرف الأخير لا يطابق الرقم. انظر إلى بطاقة NIE مرة أخرى.',
  },
  'postcode-format': { es: 'El código postal tiene 5 números.', en: 'A postcode has 5 numbers.', ar: 'الرمز البريدي فيه 5 أرقام.' },
  'postcode-province': {
    es: 'Ese código postal no existe. Mírelo en una carta suya.',
    en: 'That postcode does not exist. Look at a letter sent to you.',
    ar: 'هذا الرمز البريدي غير موجود. انظر إلى رسالة وصلتك.',
  },
  'phone-format': {
    es: 'El teléfono tiene 9 números y empieza por 6, 7, 8 o 9.',
    en: 'A phone number has 9 numbers and starts with 6, 7, 8 or 9.',
    ar: 'رقم الهاتف فيه 9 أرقام ويبدأ بـ 6 أو 7 أو 8 أو 9.',
  },
  'phone-not-mobile': {
    es: 'Hace falta un móvil: empieza por 6 o 7.',
    en: 'A mobile is needed: it starts with 6 or 7.',
    ar: 'نحتاج إلى رقم محمول: يبدأ بـ 6 أو 7.',
  },
  'date-format': {
    es: 'Escriba día, mes y año. Por ejemplo: 05/03/1950.',
    en: 'Type the day, month and year. For example: 05/03/1950.',
    ar: 'اكتب اليوم ثم الشهر ثم السنة. مثلًا 05/03/1950.',
  },
  'date-not-a-day': {
    es: 'Esa fecha no existe. Compruebe el día y el mes.',
    en: 'That date does not exist. Check the day and the month.',
    ar: 'هذا التاريخ غير موجود. تحقق من اليوم والشهر.',
  },
  'date-year': { es: 'Compruebe el año. Escríbalo con 4 números.', en: 'Check the year. Type it with 4 numbers.', ar: 'تحقق من السنة. اكتبها بـ 4 أرقام.' },
  'number-format': { es: 'Escriba solo números.', en: 'Type numbers only.', ar: 'اكتب أرقامًا فقط.' },
  pattern: {
    es: 'Eso no tiene la forma esperada. Compruébelo.',
    en: 'That does not look right. Please check it.',
    ar: 'هذا لا يبدو صحيحًا. تحقق منه من فضلك.',
  },
  'choose-an-answer': { es: 'Elija una respuesta para seguir.', en: 'Choose an answer to go on.', ar: 'اختر جوابًا لتتابع.' },
  'unknown-choice': { es: 'Esa respuesta no está en la lista.', en: 'That answer is not on the list.', ar: 'هذا الجواب ليس في القائمة.' },
  'unknown-item': { es: 'Eso no está en la lista.', en: 'That is not on the list.', ar: 'هذا ليس في القائمة.' },
  'tick-every-item': {
    es: 'Marque todo lo de la lista para seguir. Si le falta algo, pida ayuda.',
    en: 'Tick everything on the list to go on. If something is missing, ask for help.',
    ar: 'ضع علامة على كل ما في القائمة لتتابع. إذا نقصك شيء، اطلب المساعدة.',
  },
  'wrong-answer-kind': { es: 'Este paso no pide esa respuesta.', en: 'This step does not ask for that answer.', ar: 'هذه الخطوة لا تطلب هذا الجواب.' },
  'at-the-end': { es: 'Ha llegado al final.', en: 'You have reached the end.', ar: 'وصلت إلى النهاية.' },
  'unknown-step': { es: 'Ese paso no existe.', en: 'That step does not exist.', ar: 'لا توجد هذه الخطوة.' },
  'not-at-review': {
    es: 'Solo se puede corregir desde la pantalla de revisión.',
    en: 'You can only correct from the review screen.',
    ar: 'يمكنك التصحيح فقط من شاشة المراجعة.',
  },
  'not-on-path': { es: 'Ese paso no está en su camino.', en: 'That step is not on your way.', ar: 'هذه الخطوة ليست في طريقك.' },
  'wrong-procedure': {
    es: 'Este trámite ha cambiado. Empiece de nuevo, por favor.',
    en: 'This procedure has changed. Please start again.',
    ar: 'تغيّر هذا الإجراء. ابدأ من جديد من فضلك.',
  },
};

/** One plain sentence for an error code, in the given language (`en-GB` reads as `en`; Spanish when there is none). */
export function describeError(code: InputErrorCode, language: string): string {
  return messages[code][messageLanguageFor(language)];
}
