// The full form's check-in, written from its validated form: the check-in first (with its group and the
// teammates present), then its private notes, asks, action items and the talking points it covered. A
// group check-in covers the open points of everyone in it; an ask or action item goes to the partner it
// is about (one of the group; the page's partner by default). Nothing is written when any id is not the
// page's partner's or the group's.
import * as l10n from '@vscode/l10n';
import { isOpenTalkingPoint } from '../../core/agenda';
import { distinctPresent, groupIds } from '../../core/groupCheckIns';
import { MAX_GROUP_PARTNERS } from '../../core/vocabulary';
import type { PageRequest } from '../../webview/protocol';
import { validateCheckInForm } from './checkInForm';
import { own, OwnershipError, reply, short, type MessageContext, type Outcome } from './pageReplies';

export async function submitCheckIn(message: Extract<PageRequest, { type: 'submitCheckIn' }>, ctx: MessageContext): Promise<Outcome> {
  const { store, partnerId } = ctx;
  const result = validateCheckInForm(message.form);
  if (!result.ok) return reply(message, false, l10n.t('Not saved: {0}.', Object.values(result.fieldErrors).join('; ')), result.fieldErrors);
  const form = result.form;
  const group = groupIds(partnerId, form.partnerIds, MAX_GROUP_PARTNERS);
  for (const id of group) if (!store.partner(id)) throw new OwnershipError(`no partner with id ${id} for the group`);
  const about = (rowPartner: string | undefined): string => {
    if (rowPartner === undefined) return partnerId;
    if (!group.includes(rowPartner)) throw new OwnershipError(`partner ${rowPartner} is not in the check-in`);
    return rowPartner;
  };
  // Every covered talking point must be one of the group's, every row's partner in the group: checked before anything is written.
  const covered = [...new Set(form.covered)].map((id) => own(ctx, 'talkingPoint', id, group));
  const asks = form.asks.map((ask) => ({ ...ask, partnerId: about(ask.partnerId) }));
  const actions = form.actions.map((action) => ({ ...action, partnerId: about(action.partnerId) }));
  // An initiative the form did not offer (gone, done, or private) is a field error: nothing is written.
  const initiative = form.initiativeId ? store.get('initiative', form.initiativeId) : undefined;
  if (form.initiativeId && (!initiative || initiative.private || initiative.value.status !== 'active')) {
    const fieldErrors = { initiativeId: l10n.t('That initiative is no longer open; choose another or none') };
    return reply(message, false, l10n.t('Not saved: {0}.', fieldErrors.initiativeId), fieldErrors);
  }
  const present = distinctPresent(form.present.map((p) => ({ name: p.name, ...(p.email ? { email: p.email } : {}) })));

  // The check-in first: if it fails, nothing at all was written.
  const checkIn = await store.addCheckIn({
    partnerId,
    ...(group.length > 1 ? { partnerIds: group } : {}),
    ...(present.length > 0 ? { present } : {}),
    kind: form.kind,
    rating: form.rating,
    summary: form.summary,
    ...(initiative ? { initiativeId: initiative.value.id } : {}),
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
  for (const ask of asks) {
    await step(l10n.t('ask "{0}"', short(ask.text)), () =>
      store.create('ask', { partnerId: ask.partnerId, checkInId, direction: ask.direction, text: ask.text, status: ask.status }, placement),
    );
  }
  for (const action of actions) {
    await step(l10n.t('action item "{0}"', short(action.text)), () =>
      store.create(
        'followUp',
        {
          partnerId: action.partnerId,
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
