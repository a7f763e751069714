// The dashboard's figures for the whole workspace (every folder's store), and the check-ins behind a
// theme term. Thin: the statistics themselves are src/core/stats.
import * as l10n from '@vscode/l10n';
import { computeDashboard, statsInput, type DashboardData, type DashboardFilter } from '../../core/stats';
import type { ThemeCheckIn } from '../../webview/protocol';
import { defaultCadenceDays, siloDays } from '../shared/settings';
import type { StoreService } from '../store/storeService';

export function workspaceDashboard(service: StoreService, filter: DashboardFilter, now = new Date()): DashboardData {
  const input = statsInput(
    service.folders().map((entry) => entry.store),
    defaultCadenceDays(),
    now,
  );
  return computeDashboard(input, filter, { siloDays: siloDays() });
}

/** The check-ins a theme lists, newest first; ones deleted since the figures were made are skipped. */
export function themeCheckIns(service: StoreService, checkInIds: readonly string[]): ThemeCheckIn[] {
  const result: ThemeCheckIn[] = [];
  for (const id of checkInIds) {
    const found = service.findRecord('checkIn', id);
    if (!found || found.record.private) continue;
    const checkIn = found.record.value;
    const partner = found.entry.store.partner(checkIn.partnerId);
    result.push({
      id,
      partnerId: checkIn.partnerId,
      partnerName: partner?.value.name ?? l10n.t('Unknown partner'),
      date: checkIn.date,
      summary: checkIn.summary,
    });
  }
  return result;
}

/** A filter the user can reason about: empty values dropped, a reversed range put the right way round. */
export function normaliseFilter(filter: DashboardFilter): DashboardFilter {
  const result: DashboardFilter = {};
  let { from, to } = filter;
  if (from && to && from > to) [from, to] = [to, from];
  if (from) result.from = from;
  if (to) result.to = to;
  if (filter.department) result.department = filter.department;
  if (filter.organisation) result.organisation = filter.organisation;
  if (filter.tag) result.tag = filter.tag;
  if (filter.author) result.author = filter.author;
  return result;
}
