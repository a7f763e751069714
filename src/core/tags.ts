// Tags as typed in a single line ("exec, launch-q1 platform"): separated by commas or spaces, since a
// tag is one word (model.ts). Shared by Add / Edit Partner, the CSV import and the vCard import.
import { MAX_TAGS } from './vocabulary';
import { normalTags } from './recordValues';

export const MAX_TAG_LENGTH = 60;

/** The tags of a line: split at commas and white space, trimmed, no repeats (case-insensitive). */
export function parseTags(text: string): string[] {
  return normalTags(text.split(/[\s,;]+/u));
}

/** Why a line of tags cannot be saved, or undefined: too many, or one too long. */
export function tagsProblem(tags: readonly string[]): { tooMany: number } | { tooLong: string } | undefined {
  if (tags.length > MAX_TAGS) return { tooMany: tags.length };
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  return long === undefined ? undefined : { tooLong: long };
}

/** Organisations already in use, each once whatever its case (the first spelling), sorted. */
export function organisationsOf(partners: Iterable<{ organisation?: string }>): string[] {
  const seen = new Map<string, string>();
  for (const { organisation } of partners) {
    const name = organisation?.trim();
    if (name && !seen.has(name.toLocaleLowerCase())) seen.set(name.toLocaleLowerCase(), name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Tags already in use, each once whatever its case, sorted. */
export function tagsOf(partners: Iterable<{ tags?: readonly string[] }>): string[] {
  const all: string[] = [];
  for (const { tags } of partners) all.push(...(tags ?? []));
  return normalTags(all).sort((a, b) => a.localeCompare(b));
}
