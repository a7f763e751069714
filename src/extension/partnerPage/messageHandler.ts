// Every message from the partner page goes through here. The page is not trusted (it shows text that
// anyone with write access to the repository wrote), so a message is validated against the protocol,
// every record id must belong to the page's own partner, and anything else is rejected — logged, never
// acted on. Pure: no vscode (the command runner and the log are given), so it is unit-tested in Node.
import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { type CollectionKind } from '../../core/vocabulary';
import type { RecordTypes } from '../../core/model';
import { isStoreWriteError, type Loaded, type Store } from '../../core/store';
import { PageMessageSchema, RequestIdOnlySchema, type PageRequest, type ResultMessage } from '../../webview/protocol';
import { validateCheckInForm } from './checkInForm';
import { isOpenTalkingPoint } from '../../core/agenda';
import { COMMANDS } from '../ids';

export const OPEN_TALKING_POINT_COMMAND = COMMANDS.openTalkingPoint;

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
}

export type Outcome =
  /** The page wants the data (it loaded or reloaded). */
  | { kind: 'ready' }
  /** A request was carried out (or refused for a reason the user can act on). */
  | { kind: 'reply'; reply: ResultMessage }
  /** The message broke the protocol or reached for another partner's records: nothing was done. */
  | { kind: 'rejected'; reason: string; reply?: ResultMessage };

export async function handlePageMessage(raw: unknown, ctx: MessageContext): Promise<Outcome> {
  const parsed = v.safeParse(PageMessageSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? v.getDotPath(issue) : undefined;
    return reject(ctx, raw, `malformed message (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'})`);
  }
  const message = parsed.output;
  if (message.type === 'ready') return { kind: 'ready' };
  if (!ctx.store.partner(ctx.partnerId)) {
    return reply(
      message,
      false,
      l10n.t('This partner is no longer in the store (the file was removed or is broken); nothing was changed.'),
    );
  }
  try {
    return await carryOut(message, ctx);
  } catch (error) {
    if (error instanceof OwnershipError) return reject(ctx, raw, error.message);
    const text = isStoreWriteError(error)
      ? error.message
      : l10n.t('Alliances: {0}', error instanceof Error ? error.message : String(error));
    ctx.log.warn(`partner page: ${message.type} failed: ${text}`);
    return reply(message, false, text);
  }
}

class OwnershipError extends Error {}

async function carryOut(message: PageRequest, ctx: MessageContext): Promise<Outcome> {
  const { store } = ctx;
  const now = () => ctx.now().toISOString();
  switch (message.type) {
    case 'openTalkingPoint':
      own(ctx, 'talkingPoint', message.id);
      await ctx.executeCommand(OPEN_TALKING_POINT_COMMAND, message.id);
      return reply(message, true, '');
    case 'coverTalkingPoint': {
      const point = own(ctx, 'talkingPoint', message.id);
      if (!isOpenTalkingPoint(point.value)) return reply(message, true, l10n.t('That talking point was already covered.'));
      await store.update('talkingPoint', message.id, { coveredAt: now() });
      return reply(message, true, l10n.t('Covered: {0}', short(point.value.text)));
    }
    case 'completeFollowUp': {
      const followUp = own(ctx, 'followUp', message.id);
      await store.update('followUp', message.id, { done: true, doneAt: now() });
      return reply(message, true, l10n.t('Completed: {0}', short(followUp.value.text)));
    }
    case 'reopenFollowUp': {
      const followUp = own(ctx, 'followUp', message.id);
      await store.update('followUp', message.id, { done: undefined, doneAt: undefined });
      return reply(message, true, l10n.t('Reopened: {0}', short(followUp.value.text)));
    }
    case 'setAskStatus': {
      const ask = own(ctx, 'ask', message.id);
      await store.update('ask', message.id, { status: message.status });
      return reply(message, true, l10n.t('Marked {0}: {1}', askStatusLabel(message.status), short(ask.value.text)));
    }
    case 'addTalkingPoint': {
      const text = message.text.trim();
      if (!text)
        return reply(message, false, l10n.t('Type the talking point first.'), {
          talkingPoint: l10n.t('The talking point must not be empty'),
        });
      if (text.length > 2000)
        return reply(message, false, l10n.t('The talking point is too long.'), {
          talkingPoint: l10n.t('The talking point must be at most {0} characters', 2000),
        });
      await store.create('talkingPoint', { partnerId: ctx.partnerId, text });
      return reply(message, true, l10n.t('Talking point added: {0}', short(text)));
    }
    case 'addCommitTalkingPoint': {
      const listed = ctx.listedCommit?.(message.commit);
      if (!listed) return reply(message, false, l10n.t('That commit is no longer listed for this partner; nothing was added.'));
      const already = store.ofPartner('talkingPoint', ctx.partnerId).find((point) => point.value.source?.commit === message.commit);
      if (already) return reply(message, true, l10n.t('Already a talking point: {0}', short(already.value.text)));
      const text = `${listed.subject.slice(0, 1980)} (${message.commit.slice(0, 7)})`;
      const [file] = listed.files;
      await store.create('talkingPoint', {
        partnerId: ctx.partnerId,
        text,
        ...(file ? { source: { path: file, startLine: 1, endLine: 1, commit: message.commit } } : {}),
      });
      return reply(message, true, l10n.t('Talking point added: {0}', short(text)));
    }
    case 'submitCheckIn':
      return submitCheckIn(message, ctx);
  }
}

async function submitCheckIn(message: Extract<PageRequest, { type: 'submitCheckIn' }>, ctx: MessageContext): Promise<Outcome> {
  const { store, partnerId } = ctx;
  const result = validateCheckInForm(message.form);
  if (!result.ok) return reply(message, false, l10n.t('Not saved: {0}.', Object.values(result.fieldErrors).join('; ')), result.fieldErrors);
  const form = result.form;
  // Every covered talking point must be this partner's: checked before anything is written.
  const covered = [...new Set(form.covered)].map((id) => own(ctx, 'talkingPoint', id));

  // The check-in first: if it fails, nothing at all was written.
  const checkIn = await store.addCheckIn({
    partnerId,
    kind: form.kind,
    rating: form.rating,
    summary: form.summary,
    notes: form.notes,
    private: form.private,
  });
  const checkInId = checkIn.value.id;
  if (!checkIn.private) ctx.checkInLogged?.();
  const placement = { private: form.private };
  const saved: string[] = [];
  const failed: string[] = [];
  const step = async (what: string, write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
      saved.push(what);
    } catch (error) {
      failed.push(`${what} (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  if (form.privateNotes.trim())
    await step(l10n.t('the private notes'), () => store.create('note', { checkInId, notes: form.privateNotes }));
  for (const ask of form.asks) {
    await step(l10n.t('ask "{0}"', short(ask.text)), () =>
      store.create('ask', { partnerId, checkInId, direction: ask.direction, text: ask.text, status: ask.status }, placement),
    );
  }
  for (const action of form.actions) {
    await step(l10n.t('action item "{0}"', short(action.text)), () =>
      store.create(
        'followUp',
        {
          partnerId,
          checkInId,
          text: action.text,
          owner: action.owner,
          ...(action.owner === 'teammate' ? { teammate: action.teammate } : {}),
          ...(action.due ? { due: action.due } : {}),
        },
        placement,
      ),
    );
  }
  const coveredAt = ctx.now().toISOString();
  for (const point of covered) {
    if (!isOpenTalkingPoint(point.value)) continue;
    // A shared talking point never names a private check-in: the date is enough there.
    const link = !form.private || point.private ? { coveredIn: checkInId } : {};
    await step(l10n.t('talking point "{0}"', short(point.value.text)), () =>
      store.update('talkingPoint', point.value.id, { ...link, coveredAt }),
    );
  }

  ctx.log.info(
    `partner page: check-in ${checkInId} saved${form.private ? ' (private)' : ''} with ${saved.length} related record(s)${failed.length ? `; ${failed.length} failed` : ''}`,
  );
  if (failed.length > 0) {
    ctx.log.warn(`partner page: not saved with check-in ${checkInId}: ${failed.join('; ')}`);
    const parts = [l10n.t('the check-in'), ...saved].join(', ');
    return reply(
      message,
      false,
      l10n.t('Saved {0}. Not saved: {1}. Add the missing parts again.', parts, failed.join('; ')),
      undefined,
      true,
    );
  }
  const text =
    saved.length === 0
      ? l10n.t('Check-in saved.')
      : saved.length === 1
        ? l10n.t('Check-in saved with 1 related item.')
        : l10n.t('Check-in saved with {0} related items.', saved.length);
  return reply(message, true, text, undefined, true);
}

/** The record, when it exists and is the page's partner's; otherwise the message is refused. */
function own<K extends Exclude<CollectionKind, 'partner' | 'note'>>(ctx: MessageContext, kind: K, id: string): Loaded<RecordTypes[K]> {
  const record = ctx.store.get(kind, id);
  if (!record) throw new OwnershipError(`no ${kind} with id ${id}`);
  if (record.value.partnerId !== ctx.partnerId) throw new OwnershipError(`${kind} ${id} belongs to another partner`);
  return record;
}

function reply(message: { requestId: string }, ok: boolean, text: string, fieldErrors?: Record<string, string>, saved?: boolean): Outcome {
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

function reject(ctx: MessageContext, raw: unknown, reason: string): Outcome {
  const type =
    raw && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string'
      ? (raw as { type: string }).type.slice(0, 40)
      : typeof raw;
  ctx.log.warn(`partner page: rejected a "${type}" message from the page of partner ${ctx.partnerId}: ${reason.slice(0, 300)}`);
  const request = v.safeParse(RequestIdOnlySchema, raw);
  return {
    kind: 'rejected',
    reason,
    ...(request.success
      ? {
          reply: {
            type: 'result',
            requestId: request.output.requestId,
            ok: false,
            message: l10n.t(
              'Alliances refused a request from this page; nothing was changed. The Alliances output channel has the details.',
            ),
          },
        }
      : {}),
  };
}

function short(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** An ask's status as the page shows it. */
function askStatusLabel(status: 'open' | 'helped' | 'declined'): string {
  switch (status) {
    case 'open':
      return l10n.t({ message: 'open', comment: ['The status of an ask or offer.'] });
    case 'helped':
      return l10n.t({ message: 'helped', comment: ['The status of an ask or offer.'] });
    case 'declined':
      return l10n.t({ message: 'declined', comment: ['The status of an ask or offer.'] });
  }
}
