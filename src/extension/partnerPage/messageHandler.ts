// Every message from the partner page goes through here. The page is not trusted (it shows text that
// anyone with write access to the repository wrote), so a message is validated against the protocol,
// every record id must belong to the page's own partner, and anything else is rejected — logged, never
// acted on. Pure: no vscode (the command runner and the log are given), so it is unit-tested in Node.
import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { PageMessageSchema, RequestIdOnlySchema, type PageRequest } from '../../webview/protocol';
import { isStoreWriteError } from '../../core/store';
import { isOpenTalkingPoint } from '../../core/agenda';
import { COMMANDS } from '../ids';
import { groupMessage, openPartner, removeConnection } from './groupMessages';
import { own, OwnershipError, reply, short, type MessageContext, type Outcome } from './pageReplies';
import { submitCheckIn } from './submitCheckIn';

export type { MessageContext, Outcome } from './pageReplies';
export const OPEN_TALKING_POINT_COMMAND = COMMANDS.openTalkingPoint;

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
    case 'copyAskTrailer': {
      const ask = own(ctx, 'ask', message.id);
      if (ask.value.status !== 'open') return reply(message, false, l10n.t('That ask is no longer open.'));
      await ctx.executeCommand(COMMANDS.copyAskTrailer, message.id);
      return reply(message, true, '');
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
    case 'openPartner':
      return openPartner(message, ctx);
    case 'addConnection':
      // The palette's flow, with this partner first: a quick pick handles a thousand partners.
      await ctx.executeCommand(COMMANDS.addConnection, ctx.partnerId);
      return reply(message, true, '');
    case 'prepareCheckIn':
      await ctx.executeCommand(COMMANDS.prepareCheckIn, ctx.partnerId, { toSide: true });
      return reply(message, true, '');
    case 'removeConnection':
      return removeConnection(message, ctx);
    case 'pickGroup':
    case 'groupAgenda':
      return groupMessage(message, ctx);
  }
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
