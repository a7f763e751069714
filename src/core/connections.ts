// Connections as each end reads them: on Marcus's page "reports to Elena", on Elena's "manages Marcus".
// Pure: the partner page and the reports ask here.
import * as l10n from '@vscode/l10n';
import { connectionKindLabel, connectionKindLabelFromTarget } from './vocabulary';
import type { Connection, Partner } from './model';
import type { Loaded } from './storeTypes';
import type { Translator } from './translator';

export interface ConnectionLookup {
  partner(id: string): Loaded<Partner> | undefined;
  ofPartner(kind: 'connection', partnerId: string): Loaded<Connection>[];
}

export interface ConnectionEnd {
  record: Loaded<Connection>;
  /** The partner at the other end. */
  otherId: string;
  otherName: string | undefined;
  /** This partner is the connection's `fromId`. */
  outgoing: boolean;
  /** "works with", "reports to", "manages", "was introduced by", or the own word. */
  label: string;
}

/** A partner's connections from both ends, sorted by the other partner's name. */
export function connectionsOf(lookup: ConnectionLookup, partnerId: string, translator: Translator = l10n): ConnectionEnd[] {
  return lookup
    .ofPartner('connection', partnerId)
    .map((record) => {
      const outgoing = record.value.fromId === partnerId;
      const otherId = outgoing ? record.value.toId : record.value.fromId;
      return {
        record,
        otherId,
        otherName: lookup.partner(otherId)?.value.name,
        outgoing,
        label: outgoing ? connectionKindLabel(record.value.kind, translator) : connectionKindLabelFromTarget(record.value.kind, translator),
      };
    })
    .sort(
      (a, b) => (a.otherName ?? '').localeCompare(b.otherName ?? '') || a.record.value.createdAt.localeCompare(b.record.value.createdAt),
    );
}

/** "works with Priya" — the phrase a page shows (the name is data, the kind translated). */
export function connectionPhrase(end: Pick<ConnectionEnd, 'label' | 'otherName'>): string {
  return `${end.label} ${end.otherName ?? '?'}`;
}

/** The own word a user typed for a kind, trimmed; undefined when empty or too long for the schema. */
export function ownKindWord(text: string, max = 60): string | undefined {
  const word = text.trim();
  return word.length > 0 && word.length <= max ? word : undefined;
}
