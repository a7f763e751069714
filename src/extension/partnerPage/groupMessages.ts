// The partner page's requests about other partners: the group of a check-in being written (the people
// pick on the host, then the names and open talking points of everyone in it), links to connected
// partners, and removing a connection. The same rule as every message: only what concerns this page's
// partner — a connection of theirs, a partner they are connected to or met with.
import * as l10n from '@vscode/l10n';
import { sourceLabel } from '../../core/agenda';
import { connectionKindLabel, connectionKindLabelFromTarget } from '../../core/vocabulary';
import { checkInIncludes, checkInPartnerIds } from '../../core/partnerRefs';
import { groupAgenda, groupIds } from '../../core/groupCheckIns';
import type { Author } from '../../core/model';
import type { PageRequest } from '../../webview/protocol';
import { COMMANDS } from '../ids';
import { OwnershipError, reply, type GroupMessage, type MessageContext, type Outcome } from './pageReplies';

type Request<T extends PageRequest['type']> = Extract<PageRequest, { type: T }>;

const MAX_GROUP = 50;

/** pickGroup shows the host's people pick; groupAgenda only describes the group given. */
export async function groupMessage(message: Request<'pickGroup'> | Request<'groupAgenda'>, ctx: MessageContext): Promise<Outcome> {
  let partnerIds: readonly string[] = message.partnerIds;
  let present: readonly Author[] = message.type === 'pickGroup' ? message.present : [];
  let cancelled = false;
  if (message.type === 'pickGroup') {
    const chosen = await ctx.pickPeople?.(groupIds(ctx.partnerId, message.partnerIds, MAX_GROUP), present);
    if (chosen) ({ partnerIds, present } = chosen);
    else cancelled = true;
  }
  return { kind: 'group', message: describeGroup(ctx, message.requestId, partnerIds, present, cancelled) };
}

/** The others of the group (never the page's partner, nobody missing) with their open talking points. */
export function describeGroup(
  ctx: MessageContext,
  requestId: string,
  partnerIds: readonly string[],
  present: readonly Author[],
  cancelled: boolean,
): GroupMessage {
  const { store } = ctx;
  const others = [...new Set(partnerIds)].filter((id) => id !== ctx.partnerId && store.partner(id)).slice(0, MAX_GROUP);
  const names = new Map(others.map((id) => [id, store.partner(id)?.value.name ?? id]));
  return {
    type: 'group',
    requestId,
    cancelled,
    partners: others.map((id) => ({ id, name: names.get(id) ?? id })),
    present: present.map((p) => ({ name: p.name.slice(0, 200), ...(p.email ? { email: p.email.slice(0, 320) } : {}) })),
    talkingPoints: groupAgenda(store, others).map(({ value, private: isPrivate }) => ({
      id: value.id,
      partnerId: value.partnerId,
      partnerName: names.get(value.partnerId) ?? value.partnerId,
      text: value.text,
      ...(value.source ? { sourceLabel: sourceLabel(value.source) } : {}),
      private: isPrivate,
    })),
  };
}

/** A partner this one is connected to or met with; anyone else is not this page's to open. */
export async function openPartner(message: Request<'openPartner'>, ctx: MessageContext): Promise<Outcome> {
  const { store, partnerId } = ctx;
  const connected = store.ofPartner('connection', partnerId).some((c) => c.value.fromId === message.id || c.value.toId === message.id);
  const met = store.checkInsOf(partnerId).some((c) => checkInIncludes(c.value, message.id) && checkInPartnerIds(c.value).length > 1);
  if (!connected && !met) throw new OwnershipError(`partner ${message.id} is not connected to ${partnerId}`);
  if (!store.partner(message.id)) return reply(message, false, l10n.t('That partner is no longer in the store.'));
  await ctx.executeCommand(COMMANDS.openPartnerPage, message.id);
  return reply(message, true, '');
}

export async function removeConnection(message: Request<'removeConnection'>, ctx: MessageContext): Promise<Outcome> {
  const { store, partnerId } = ctx;
  const connection = store.get('connection', message.id);
  if (!connection) throw new OwnershipError(`no connection with id ${message.id}`);
  const { fromId, toId, kind } = connection.value;
  if (fromId !== partnerId && toId !== partnerId) throw new OwnershipError(`connection ${message.id} is not ${partnerId}'s`);
  await store.remove('connection', message.id);
  const other = store.partner(fromId === partnerId ? toId : fromId)?.value.name ?? '?';
  const label = fromId === partnerId ? connectionKindLabel(kind) : connectionKindLabelFromTarget(kind);
  return reply(message, true, l10n.t('Removed the connection: {0} {1}', label, other));
}
