/**
 * What the staff list shows of a draft that may not pass the checker yet: its title and its
 * `lastVerified` day, read leniently so a draft with problems elsewhere still shows its name.
 * Pure; never throws.
 */
import { z } from 'zod';
import { readProcedureYaml } from './read-yaml.js';
import { localizedTextSchema, type LocalizedText } from './schema.js';

/** The facts that could be read (each may be missing). */
export interface DraftFacts {
  id?: string;
  title?: LocalizedText;
  lastVerified?: string;
}

const factsSchema = z.object({
  id: z.string().optional().catch(undefined),
  title: localizedTextSchema.optional().catch(undefined),
  lastVerified: z.iso.date().optional().catch(undefined),
});

/** Reads the id, title and `lastVerified` of procedure YAML, whatever else is wrong with it. */
export function readDraftFacts(source: string): DraftFacts {
  const read = readProcedureYaml(source);
  if (!read.ok) return {};
  const parsed = factsSchema.safeParse(read.data);
  if (!parsed.success) return {};
  const { id, title, lastVerified } = parsed.data;
  return { ...(id !== undefined ? { id } : {}), ...(title !== undefined ? { title } : {}), ...(lastVerified !== undefined ? { lastVerified } : {}) };
}
