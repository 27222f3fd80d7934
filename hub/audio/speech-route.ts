/**
 * `GET /api/kiosk/speech`: the help-call status sentences hold live values (place in the queue,
 * minutes, the volunteer's name, the site's in-person help), so they cannot be rendered ahead of
 * time. The kiosk names a sentence and gives the values; the hub fills its own template and
 * renders it with the same engine as the build, so nothing a kiosk writes is ever spoken.
 * `GET /api/kiosk/speech/prompt` speaks a prompt by its id: a published procedure text the build
 * has not rendered in its current wording (staff changed it since), read from the hub's own
 * catalogue, or an interface text (`ui/…`) from the hub's own kiosk locales, for a kiosk whose
 * audio build is missing or not finished (the first minutes after `npm start`).
 * `POST /api/staff/speech` renders a procedure text from the staff editor the same way.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { currentPromptsOf, promptIn, type CurrentPrompts } from '../../core/audio/current-prompts.js';
import type { PromptText } from '../../core/audio/prompt-text.js';
import { onDemandUiKeys, uiPrompts } from '../../core/audio/spoken-ui-keys.js';
import { lookupCounted, lookupKey, fillTemplate, templatePlaceholders } from '../../core/audio/template.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import type { SpeechQuery, SpeechResponse } from '../../core/protocol/http.js';
import type { HubDatabase } from '../db/schema.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { kioskOf } from '../http/guards.js';
import { HubError } from '../http/hub-error.js';
import { route, type Guards } from '../http/route.js';
import { audioUrlPrefix } from './files-route.js';
import { SpeechBusy } from '../../speech/speaker.js';
import { AudioToolMissing } from '../../speech/tools.js';
import type { HubSpeech } from './hub-speech.js';

/** What the speech route needs. */
export interface SpeechRouteDependencies {
  db: Kysely<HubDatabase>;
  guards: Guards;
  /** Parsed `kiosk.json` by language. */
  locales: Readonly<Record<string, unknown>>;
  /** Speaks texts on demand (hub-speech.ts). */
  speech: HubSpeech;
  /** The published procedures, whose texts the prompt route speaks. */
  catalog: ProcedureCatalog;
}

/** Registers the on-demand speech route. */
export function setupSpeechRoute(app: FastifyInstance, deps: SpeechRouteDependencies): void {
  route(app, deps.guards, 'kioskSpeech', async ({ request, query }) => {
    const kiosk = kioskOf(request);
    // A counted sentence ("unos 3 minutos", Arabic's dual and plurals) in the form the count needs.
    const locale = deps.locales[query.language];
    const template = query.minutes === undefined ? lookupKey(locale, query.key) : lookupCounted(locale, query.key, query.language, query.minutes);
    if (template === undefined) {
      throw new HubError(400, `language: there are no kiosk texts in "${query.language}"; use one of ${Object.keys(deps.locales).join(', ')}`, 'language');
    }
    const values: Record<string, string | number> = {};
    if (query.position !== undefined) values['position'] = query.position;
    if (query.minutes !== undefined) values['count'] = query.minutes;
    if (query.name !== undefined) values['name'] = query.name;
    if (templatePlaceholders(template).includes('inPersonHelp')) {
      const site = await deps.db.selectFrom('sites').select('in_person_help').where('id', '=', kiosk.siteId).executeTakeFirst();
      values['inPersonHelp'] = site?.in_person_help ?? '';
    }
    return speak(deps.speech, fillTemplate(template, values).trim(), query.language, query.speed);
  });

  // A catalogue holds a new object per publication: each one's texts are listed once.
  const textsOf = new WeakMap<Procedure, CurrentPrompts>();
  // The interface's spoken texts exactly as the build lists them (the same keys and fixed figures).
  const uiTexts = new Map<string, PromptText>(uiPrompts(deps.locales).map((prompt) => [`${prompt.language} ${prompt.id}`, prompt]));
  route(app, deps.guards, 'kioskPromptSpeech', async ({ query }) => {
    if (query.id.startsWith('ui/')) {
      const key = query.id.slice('ui/'.length);
      if ((onDemandUiKeys as readonly string[]).includes(key)) {
        throw new HubError(
          400,
          `id: "${key}" is said with live values (a place in the queue, a name); ask ${apiRoutes.kioskSpeech.path}?key=${key} with them`,
          'id',
        );
      }
      // A language without this text falls back to Spanish, as the kiosk's screens and its manifest do.
      const prompt = uiTexts.get(`${query.language} ${query.id}`) ?? uiTexts.get(`es ${query.id}`);
      if (!prompt) throw new HubError(404, `id: the kiosk has no spoken text "${key}"`, 'id');
      return speak(deps.speech, prompt.text, prompt.language, query.speed);
    }
    const procedureId = query.id.split('/')[1] ?? '';
    const procedure = deps.catalog.get(procedureId);
    if (!procedure) throw new HubError(404, `id: there is no published procedure "${procedureId}"`, 'id');
    let texts = textsOf.get(procedure);
    if (!texts) {
      texts = currentPromptsOf([procedure]);
      textsOf.set(procedure, texts);
    }
    // Exactly the language asked: the kiosk has already chosen the text it shows.
    const prompt = promptIn(texts, query.id, query.language);
    if (!prompt) throw new HubError(404, `id: the published "${procedureId}" has no spoken text ${query.id} in "${query.language}"`, 'id');
    return speak(deps.speech, prompt.text, prompt.language, query.speed);
  });

  // The staff preview speaks the editor's wording before it is published and built.
  route(app, deps.guards, 'staffSpeech', async ({ body }) => {
    return speak(deps.speech, body.text, body.language, body.speed);
  });
}

async function speak(speech: HubSpeech, text: string, language: string, speed: SpeechQuery['speed']): Promise<SpeechResponse> {
  try {
    const spoken = await speech.speak(text, language, speed);
    return { text, ogg: audioUrlPrefix + spoken.ogg, mp3: audioUrlPrefix + spoken.mp3, duration: spoken.duration };
  } catch (error) {
    if (error instanceof AudioToolMissing) throw new HubError(503, `Speech is not available on this hub: ${error.message}`);
    // Too much at once: the kiosk shows the words and asks again later; the hub stays responsive.
    if (error instanceof SpeechBusy) throw new HubError(429, error.message, undefined, { code: 'speech-busy' });
    if (error instanceof RangeError) throw new HubError(400, error.message, 'text');
    throw error;
  }
}
