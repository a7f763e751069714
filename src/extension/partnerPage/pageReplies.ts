// What the partner page's message handlers share: the context a message is handled in, its outcome,
// the ownership rule (a record must be the page's partner's) and the reply shapes. Pure: no vscode.
import type { CollectionKind } from '../../core/vocabulary';
import type { Author, RecordTypes } from '../../core/model';
import type { Loaded, Store } from '../../core/store';
import type { HostMessage, ResultMessage } from '../../webview/protocol';

export type GroupMessage = Extract<HostMessage, { type: 'group' }>;

export interface MessageContext {
  store: Store;
  /** The partner whose page sent the message: the only partner it may touch. */
  partnerId: string;
  now(): Date;
  log: { warn(message: string): void; info(message: string): void };
  executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown>;
  /** A shared check-in was written (the branch warning listens). */
  checkInLogged?(): void;
  /** A commit the page listed in the partner's code areas (only those can become talking points). */
  listedCommit?(commit: string): { subject: string; files: readonly string[] } | undefined;
  /** The people pick of a group check-in (a quick pick on the host): undefined when dismissed. */
  pickPeople?(partnerIds: readonly string[], present: readonly Author[]): Promise<{ partnerIds: string[]; present: Author[] } | undefined>;
}

export type Outcome =
  /** The page wants the data (it loaded or reloaded). */
  | { kind: 'ready' }
  /** A request was carried out (or refused for a reason the user can act on). */
  | { kind: 'reply'; reply: ResultMessage }
  /** The group of the form, answering pickGroup or groupAgenda. */
  | { kind: 'group'; message: GroupMessage }
  /** The message broke the protocol or reached for another partner's records: nothing was done. */
  | { kind: 'rejected'; reason: string; reply?: ResultMessage };

/** Thrown when a message reaches for a record that is not the page's partner's: the message is rejected. */
export class OwnershipError extends Error {}

type OwnedKind = Exclude<CollectionKind, 'partner' | 'note' | 'connection' | 'initiative' | 'concern' | 'vote'>;

/** The record, when it exists and is the page's partner's (or, for a group, one of `partnerIds`'); otherwise the message is refused. */
export function own<K extends OwnedKind>(
  ctx: MessageContext,
  kind: K,
  id: string,
  partnerIds: readonly string[] = [ctx.partnerId],
): Loaded<RecordTypes[K]> {
  const record = ctx.store.get(kind, id);
  if (!record) throw new OwnershipError(`no ${kind} with id ${id}`);
  if (!partnerIds.includes(record.value.partnerId)) throw new OwnershipError(`${kind} ${id} belongs to another partner`);
  return record;
}

export function reply(
  message: { requestId: string },
  ok: boolean,
  text: string,
  fieldErrors?: Record<string, string>,
  saved?: boolean,
): Outcome {
  return {
    kind: 'reply',
    reply: {
      type: 'result',
      requestId: message.requestId,
      ok,
      message: text,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(saved !== undefined ? { saved } : {}),
    },
  };
}

export function short(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
