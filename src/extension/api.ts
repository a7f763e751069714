// The API other extensions get from `vscode.extensions.getExtension('alliances.alliances').exports`
// (after activate()): read the partners, hear about changes, log a check-in. Deliberately small and
// versioned; everything else is internal. Types for consumers: docs/api.md.
import * as vscode from 'vscode';
import { calendarDate } from '../core/dates';
import { CHECK_IN_KINDS, type CheckInKind } from '../core/vocabulary';
import { duePartners } from '../core/partnerView';
import { logCheckIn } from './checkIns/logCheckIn';
import type { StoreService } from './store/storeService';

export const API_VERSION = 1;

/** A partner as other extensions see it: plain data, a copy (changing it changes nothing). */
export interface PartnerInfo {
  id: string;
  name: string;
  department: string;
  role?: string;
  email?: string;
  archived: boolean;
  /** overdue, dueSoon, later, snoozed or archived. */
  status: string;
  /** Whether the partner is due for a check-in now (overdue or due today), as the badge counts. */
  due: boolean;
  /** The day the next check-in is due (ISO date, yyyy-MM-dd), when there is one. */
  dueDate?: string;
  /** When the last check-in happened (ISO date-time), when there is one. */
  lastCheckIn?: string;
  /** The workspace folder whose store holds the partner. */
  folder: string;
}

export interface LogCheckInRequest {
  partnerId: string;
  summary: string;
  /** one-on-one (default), help-me, ad-hoc or async. */
  kind?: CheckInKind;
  /** 1 (broken) to 5 (great). */
  rating?: number;
  notes?: string;
  /** Under the store's private/ folder: never committed. */
  private?: boolean;
}

export interface AlliancesApi {
  readonly apiVersion: typeof API_VERSION;
  /** Resolves once every workspace folder's store has loaded. */
  whenReady(): Promise<void>;
  /** Every partner of every open store, most urgent first within a store. */
  partners(): PartnerInfo[];
  /** Fires after any change to a store (a write, a pull, an edit by hand). */
  readonly onDidChange: vscode.Event<void>;
  /**
   * Logs a check-in with one partner, as the Log Check-in command does (it resets their cadence).
   * Resolves with the new check-in's id; rejects with the store's reason when nothing was written.
   */
  logCheckIn(request: LogCheckInRequest): Promise<{ id: string }>;
}

export function createApi(service: StoreService): AlliancesApi {
  return Object.freeze({
    apiVersion: API_VERSION,
    whenReady: () => service.whenReady(),
    partners: () =>
      service.allViews().map(({ entry, view }): PartnerInfo => {
        const partner = view.record.value;
        return {
          id: partner.id,
          name: partner.name,
          department: partner.department,
          ...(partner.role !== undefined ? { role: partner.role } : {}),
          ...(partner.email !== undefined ? { email: partner.email } : {}),
          archived: partner.archived === true,
          status: view.due.status,
          due: duePartners([view]).length === 1,
          ...(view.due.dueDate ? { dueDate: calendarDate(view.due.dueDate) } : {}),
          ...(view.lastCheckIn ? { lastCheckIn: view.lastCheckIn.date } : {}),
          folder: entry.folder.name,
        };
      }),
    onDidChange: service.onDidChange,
    logCheckIn: async (request: LogCheckInRequest) => {
      const input = checkedRequest(request);
      await service.whenReady();
      if (!service.findPartner(input.partnerId))
        throw new Error(vscode.l10n.t('No partner with id {0}; the check-in was not saved.', input.partnerId));
      const { partnerId, ...checkIn } = input;
      const record = await logCheckIn(service, partnerId, checkIn);
      if (!record) throw new Error(vscode.l10n.t('The check-in was not saved.'));
      return { id: record.value.id };
    },
  });
}

function checkedRequest(
  request: LogCheckInRequest,
): Required<Pick<LogCheckInRequest, 'partnerId' | 'summary' | 'kind'>> & LogCheckInRequest {
  if (typeof request !== 'object' || request === null)
    throw new TypeError('logCheckIn expects { partnerId, summary, kind?, rating?, notes?, private? }');
  const kind = request.kind ?? 'one-on-one';
  if (typeof request.partnerId !== 'string' || typeof request.summary !== 'string')
    throw new TypeError('logCheckIn: partnerId and summary must be text');
  if (!(CHECK_IN_KINDS as readonly string[]).includes(kind))
    throw new TypeError(`logCheckIn: kind must be one of ${CHECK_IN_KINDS.join(', ')}`);
  return { ...request, kind };
}
