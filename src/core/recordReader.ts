import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { decodeUtf8, findConflictMarker, locatePath, parseStrictJson, type TextLocation } from './jsonText';
import { type CollectionKind, type RecordKind } from './vocabulary';
import { SCHEMA_VERSION, SCHEMAS, type Manifest, type RecordTypes } from './model';
import { issueSentence } from './schemaIssues';

export interface RecordProblem {
  reason: string;
  location: TextLocation;
  /** Conflict markers get their own kind: the tree and Problems panel say "resolve the merge". */
  code: 'encoding' | 'conflict' | 'json' | 'schema' | 'newer-version' | 'id-mismatch' | 'duplicate-id' | 'link' | IntegrityCode;
}

/** Records that read well but must not count, because of the rest of the store (see integrity.ts). */
export type IntegrityCode = 'missing-partner' | 'missing-initiative' | 'missing-concern' | 'future-date';

export type ValueOf<K extends RecordKind> = K extends CollectionKind ? RecordTypes[K] : Manifest;

export type ReadResult<K extends RecordKind> = { ok: true; value: ValueOf<K>; readOnly: boolean } | { ok: false; problem: RecordProblem };

/**
 * Bytes → a validated record, or a problem that says where and why. Never throws: every failure is a
 * value, so one bad file cannot stop the others from loading.
 */
export function readRecord<K extends RecordKind>(kind: K, bytes: Uint8Array, expectedId?: string): ReadResult<K> {
  try {
    return readUnguarded(kind, bytes, expectedId);
  } catch (error) {
    // A last line of defence (the fuzz test looks for these): a file we cannot judge is a problem, not a crash.
    return fail('json', l10n.t('File could not be read: {0}.', error instanceof Error ? error.message : String(error)), {
      line: 1,
      column: 1,
    });
  }
}

function readUnguarded<K extends RecordKind>(kind: K, bytes: Uint8Array, expectedId?: string): ReadResult<K> {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail('encoding', decoded.reason, decoded.location);
  const text = decoded.text;
  // A regex stops at the first non-blank character; trim() would copy the whole text of every file.
  if (!/\S/.test(text)) return fail('json', l10n.t('File is empty.'), { line: 1, column: 1 });
  const marker = findConflictMarker(text);
  if (marker) return fail('conflict', l10n.t('File has git conflict markers: resolve the merge, then save.'), marker);
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return fail('json', parsed.reason, parsed.location);

  const result = v.safeParse(SCHEMAS[kind], parsed.value, { abortEarly: false });
  const recordVersion = versionOf(parsed.value);
  const newer = recordVersion !== undefined && recordVersion > SCHEMA_VERSION;
  if (!result.success) {
    const issue = result.issues[0];
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    if (newer) {
      return fail(
        'newer-version',
        l10n.t('Written by a newer version of Alliances (schema {0}); update the extension to read it.', recordVersion),
        { line: 1, column: 1 },
      );
    }
    return fail('schema', issueSentence(issue, v.getDotPath(issue) ?? undefined), locatePath(text, keys));
  }
  const value = result.output as ValueOf<K>;
  if (expectedId !== undefined && 'id' in value && value.id !== expectedId) {
    return fail(
      'id-mismatch',
      l10n.t('"id" is {0} but the file name says {1}.', JSON.stringify(value.id), JSON.stringify(expectedId)),
      locatePath(text, ['id']),
    );
  }
  return { ok: true, value, readOnly: newer };
}

function versionOf(value: unknown): number | undefined {
  if (value && typeof value === 'object' && 'schemaVersion' in value) {
    const version = value.schemaVersion;
    return typeof version === 'number' ? version : undefined;
  }
  return undefined;
}

function fail(code: RecordProblem['code'], reason: string, location: TextLocation): { ok: false; problem: RecordProblem } {
  return { ok: false, problem: { code, reason, location } };
}
