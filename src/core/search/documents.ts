// What search indexes of each record: its texts (the first is what a result shows when it matches there),
// the partners it names and its day. Resolved again only when the record itself changes.
import { calendarDate } from '../dates';
import type { Ask, CheckIn, Concern, Connection, FollowUp, Note, Partner, RecordTypes, TalkingPoint } from '../model';
import { partnerIdsOf } from '../partnerRefs';
import type { Loaded } from '../storeTypes';
import type { CollectionKind } from '../vocabulary';

/** The part of a store search reads (a Store, or a test's stand-in). */
export interface SearchSource {
  readonly root: string;
  all<K extends CollectionKind>(kind: K): Loaded<RecordTypes[K]>[];
  get<K extends CollectionKind>(kind: K, id: string): Loaded<RecordTypes[K]> | undefined;
}

export interface SearchEntry {
  /** Unique over every source: the store root, the kind and the record id. */
  key: string;
  root: string;
  kind: CollectionKind;
  recordId: string;
  partnerIds: readonly string[];
  /** The record's calendar day (local), yyyy-mm-dd. */
  day: string;
  /** Its searchable texts, the most telling first; empty ones left out. */
  texts: string[];
  private: boolean;
}

/** The kinds search covers: every record kind the store has. */
export const SEARCHED_KINDS: readonly CollectionKind[] = [
  'partner',
  'checkIn',
  'talkingPoint',
  'followUp',
  'ask',
  'note',
  'connection',
  'concern',
];

function dayOf(timestamp: string | undefined): string {
  const date = timestamp === undefined ? undefined : new Date(timestamp);
  return date && !Number.isNaN(date.getTime()) ? calendarDate(date) : '';
}

function present(...texts: (string | undefined)[]): string[] {
  return texts.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/** The entry of one record. */
export function entryOf(source: SearchSource, kind: CollectionKind, loaded: Loaded<RecordTypes[CollectionKind]>): SearchEntry {
  const value = loaded.value;
  const base = {
    key: `${source.root}\u0000${kind}\u0000${value.id}`,
    root: source.root,
    kind,
    recordId: value.id,
    private: loaded.private,
  };
  switch (kind) {
    case 'partner': {
      const partner = value as Partner;
      const about = present(partner.role, partner.organisation, partner.department).join(' · ');
      return {
        ...base,
        partnerIds: [partner.id],
        day: dayOf(partner.createdAt),
        texts: present(partner.name, about, (partner.tags ?? []).join(' '), (partner.leads ?? []).join(' · ')),
      };
    }
    case 'checkIn': {
      const checkIn = value as CheckIn;
      return { ...base, partnerIds: partnerIdsOf(kind, checkIn), day: dayOf(checkIn.date), texts: present(checkIn.summary, checkIn.notes) };
    }
    case 'note': {
      const note = value as Note;
      const checkIn = source.get('checkIn', note.checkInId)?.value;
      return {
        ...base,
        partnerIds: checkIn ? partnerIdsOf('checkIn', checkIn) : [],
        day: dayOf(checkIn?.date ?? note.createdAt),
        texts: present(note.notes),
      };
    }
    case 'connection': {
      const connection = value as Connection;
      return {
        ...base,
        partnerIds: partnerIdsOf(kind, connection),
        day: dayOf(connection.createdAt),
        texts: present(connection.note, connection.kind),
      };
    }
    case 'concern': {
      const concern = value as Concern;
      return {
        ...base,
        partnerIds: partnerIdsOf(kind, concern),
        day: dayOf(concern.createdAt),
        texts: present(concern.text, concern.resolution, concern.theme, (concern.departments ?? []).join(' · ')),
      };
    }
    default: {
      const record = value as TalkingPoint | FollowUp | Ask;
      return {
        ...base,
        partnerIds: partnerIdsOf(kind, record),
        day: dayOf(record.createdAt),
        texts: present(record.text, (record as FollowUp).teammate),
      };
    }
  }
}
