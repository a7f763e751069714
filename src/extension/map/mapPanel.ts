// The ecosystem map's host: one webview panel over the workspace's stores. It computes the graph, its
// figures and its layout (src/core/ecosystem) in the extension host, sends them through the typed
// protocol, recomputes when the store or the page's filter changes, and validates every message.
import * as v from 'valibot';
import { rejectMalformed } from '../shared/rejectMalformed';
import * as vscode from 'vscode';
import { computeEcosystemMap, type EcosystemMap, type MapGroupBy } from '../../core/ecosystem';
import { statsInput, type DashboardFilter } from '../../core/stats';
import { MapPageMessageSchema, MapStateSchema, type MapHostMessage } from '../../webview/mapProtocol';
import { normaliseFilter } from '../dashboard/dashboardData';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { defaultCadenceDays, siloDays } from '../shared/settings';
import { WebviewPage } from '../shared/webviewPage';
import type { StoreService } from '../store/storeService';

/** The partner page's command (a string, so this bundle does not pull the partner page in). */
const OPEN_PARTNER_PAGE_COMMAND = COMMANDS.openPartnerPage;
export const MAP_VIEW_TYPE = VIEW_TYPES.ecosystemMap;
const REFRESH_DEBOUNCE_MS = 150;

export type MapOutcome =
  { kind: 'rejected'; reason: string } | { kind: 'data' } | { kind: 'openPartner'; id: string } | { kind: 'rendered' };

/** The map of the workspace's stores for a filter and a grouping. */
export function workspaceMap(service: StoreService, filter: DashboardFilter, groupBy: MapGroupBy, now = new Date()): EcosystemMap {
  const input = statsInput(
    service.folders().map((entry) => entry.store),
    defaultCadenceDays(),
    now,
  );
  return computeEcosystemMap(input, filter, { siloDays: siloDays(), groupBy });
}

export class MapPanel extends WebviewPage<MapHostMessage> {
  filter: DashboardFilter = {};
  groupBy: MapGroupBy = 'department';
  /** The data last sent to the page, and how long it took (milliseconds; tests and the benchmark read it). */
  last: EcosystemMap | undefined;
  lastComputeMs = 0;
  firstPaintMs: number | undefined;
  private readonly createdAt = performance.now();

  constructor(
    panel: vscode.WebviewPanel,
    private readonly service: StoreService,
    extensionUri: vscode.Uri,
  ) {
    super(panel, extensionUri, { script: 'map.js', style: 'map.css', title: vscode.l10n.t('Ecosystem Map') }, REFRESH_DEBOUNCE_MS);
    this.disposables.push(service.onDidChange(() => this.schedule()));
  }

  /** Validates and carries out one message from the page. Public for tests. */
  async handle(raw: unknown): Promise<MapOutcome> {
    const parsed = v.safeParse(MapPageMessageSchema, raw);
    if (!parsed.success)
      return rejectMalformed(raw, parsed.issues, 'map', this.service.log, (requestId) =>
        this.post({
          type: 'result',
          requestId,
          ok: false,
          message: vscode.l10n.t('The ecosystem map sent a message Alliances does not understand; nothing was done.'),
        }),
      );
    const message = parsed.output;
    switch (message.type) {
      case 'ready':
      case 'setFilter':
        if (message.filter) this.filter = normaliseFilter(message.filter);
        if (message.groupBy) this.groupBy = message.groupBy;
        await this.service.whenReady();
        await this.postData();
        return { kind: 'data' };
      case 'openPartner':
        if (!this.service.findPartner(message.id)) {
          await this.post({
            type: 'result',
            requestId: message.requestId,
            ok: false,
            message: vscode.l10n.t('That partner is no longer in the store.'),
          });
          return { kind: 'rejected', reason: 'unknown partner' };
        }
        await vscode.commands.executeCommand(OPEN_PARTNER_PAGE_COMMAND, message.id);
        return { kind: 'openPartner', id: message.id };
      case 'rendered':
        this.firstPaintMs ??= performance.now() - this.createdAt;
        return { kind: 'rendered' };
    }
  }

  /** Computes the map for the current filter and grouping and sends it. */
  async postData(): Promise<void> {
    const started = performance.now();
    const data = workspaceMap(this.service, this.filter, this.groupBy);
    this.lastComputeMs = performance.now() - started;
    this.last = data;
    await this.post({ type: 'data', data });
  }
}

/** What a restored page remembered (filter and grouping), if it is well-formed. */
export function restoredMapState(state: unknown): { filter: DashboardFilter; groupBy?: MapGroupBy } {
  const parsed = v.safeParse(MapStateSchema, state);
  if (!parsed.success) return { filter: {} };
  return { filter: parsed.output.filter ? normaliseFilter(parsed.output.filter) : {}, groupBy: parsed.output.groupBy };
}
