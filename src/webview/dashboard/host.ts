// The dashboard page's side of the protocol: requests with correlation ids, validation of everything
// the host sends, and the state that survives hiding the panel and window reloads (the filter).
import * as v from 'valibot';
import { DashboardHostMessageSchema, DashboardStateSchema, type DashboardHostMessage, type DashboardPageMessage, type DashboardState } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
type Reply = Extract<DashboardHostMessage, { requestId: string }>;
const waiting = new Map<string, (reply: Reply) => void>();
const session = Math.floor(Math.random() * 36 ** 6).toString(36);
let counter = 0;

type Request = Extract<DashboardPageMessage, { requestId: string }>;
type RequestBody = Request extends infer M ? (M extends Request ? Omit<M, 'requestId'> : never) : never;

export function request(body: RequestBody, onReply?: (reply: Reply) => void): void {
  const requestId = `${session}-${++counter}`;
  if (onReply) waiting.set(requestId, onReply);
  api.postMessage({ ...body, requestId } satisfies DashboardPageMessage);
}

export function send(message: Extract<DashboardPageMessage, { type: 'ready' | 'setFilter' | 'rendered' }>): void {
  api.postMessage(message satisfies DashboardPageMessage);
}

/** Calls whoever waits for this reply; false when nobody does (a late answer to an old page). */
export function settle(reply: Reply): boolean {
  const handler = waiting.get(reply.requestId);
  waiting.delete(reply.requestId);
  handler?.(reply);
  return handler !== undefined;
}

export function parseHostMessage(raw: unknown): DashboardHostMessage | undefined {
  const result = v.safeParse(DashboardHostMessageSchema, raw);
  return result.success ? result.output : undefined;
}

let state: DashboardState = (() => {
  const result = v.safeParse(DashboardStateSchema, api.getState());
  return result.success ? result.output : {};
})();

export function pageState(): DashboardState {
  return state;
}

export function updateState(change: Partial<DashboardState>): void {
  state = { ...state, ...change };
  api.setState(state);
}
