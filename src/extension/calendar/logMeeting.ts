// One click on a suggested meeting logs it: a check-in on the meeting's date (a group check-in when
// several partners were there), the title as the summary; then the usual rating step, which sets the
// rating of the check-in just written (Escape leaves it unrated: it is logged either way).
import * as vscode from 'vscode';
import type { MeetingSuggestion } from '../../core/calendar';
import type { CheckIn } from '../../core/model';
import type { Loaded } from '../../core/store';
import { ratingItems } from '../checkIns/logCheckIn';
import { visible } from '../shared/displayText';
import { askPick, BACK } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';
import { partnerNames } from './meetingItems';

/** The check-in's summary holds at most this (the schema's limit). */
const MAX_SUMMARY = 2000;

export interface LogOptions {
  /** Given (scripts, tests): no rating step. `null`: logged without a rating. */
  rating?: number | null;
}

export async function logSuggestedMeeting(
  service: StoreService,
  entry: FolderStore,
  suggestion: MeetingSuggestion,
  options: LogOptions = {},
): Promise<Loaded<CheckIn>> {
  const store = entry.store;
  const [first, ...others] = suggestion.partnerIds;
  if (!first) throw new Error(vscode.l10n.t('This meeting names no partner any more.'));
  const previous = store.lastCheckIn(first)?.rating;
  let record = await store.addCheckIn({
    partnerId: first,
    ...(others.length > 0 ? { partnerIds: suggestion.partnerIds } : {}),
    kind: 'one-on-one',
    summary: suggestion.title.slice(0, MAX_SUMMARY),
    // An all-day meeting: noon of its day, so that the date stays the day in any time zone nearby.
    date: suggestion.allDay ? localNoon(suggestion.date) : suggestion.start,
    ...(typeof options.rating === 'number' ? { rating: options.rating } : {}),
  });
  service.checkInLogged(entry);
  const names = partnerNames(store, suggestion.partnerIds, false);
  const logged =
    others.length > 0
      ? vscode.l10n.t('Alliances: group check-in with {0} logged', names)
      : vscode.l10n.t('Alliances: check-in with {0} logged', names);
  vscode.window.setStatusBarMessage(`$(check) ${visible(logged)}`, 4000);
  if (options.rating !== undefined) return record;
  const items = ratingItems();
  const chosen = await askPick({
    title: vscode.l10n.t('Logged: {0}', names),
    items,
    active: items.find((item) => item.rating === (previous ?? 3)),
    placeholder: previous
      ? vscode.l10n.t('How does the relationship feel? Last time: {0}/5', previous)
      : vscode.l10n.t('How does the relationship feel?'),
  });
  if (chosen && chosen !== BACK) record = await store.update('checkIn', record.value.id, { rating: chosen.rating });
  return record;
}

function localNoon(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day, 12);
}
