// The page's side of the protocol: requests to the host with correlation ids, the page state that
// survives hiding the panel, and validation of everything the host sends.
import * as v from 'valibot';
import { HostMessageSchema, PageStateSchema, type HostMessage, type PageMessage, type PageRequest, type PageState, type ResultMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const waiting = new Map<string, (result: ResultMessage) => void>();
// Unique across reloads of the page, so a late answer for an old page is never taken for a new request.
const session = Math.floor(Math.random() * 36 ** 6).toString(36);
let counter = 0;

type RequestBody = PageRequest extends infer M ? (M extends PageRequest ? Omit<M, 'requestId'> : never) : never;

/** Sends a request; `onResult` gets the host's answer. */
export function request(body: RequestBody, onResult?: (result: ResultMessage) => void): string {
  const requestId = `${session}-${++counter}`;
  if (onResult) waiting.set(requestId, onResult);
  api.postMessage({ ...body, requestId } satisfies PageMessage);
  return requestId;
}

export function sendReady(): void {
  api.postMessage({ type: 'ready' } satisfies PageMessage);
}

/** Calls the handler waiting for this result; false when nobody was. */
export function settle(result: ResultMessage): boolean {
  const handler = waiting.get(result.requestId);
  waiting.delete(result.requestId);
  handler?.(result);
  return handler !== undefined;
}

/** A message from the host, or undefined when it does not match the protocol. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  const result = v.safeParse(HostMessageSchema, raw);
  return result.success ? result.output : undefined;
}

let state: PageState = (() => {
  const result = v.safeParse(PageStateSchema, api.getState());
  return result.success ? result.output : {};
})();

export function pageState(): PageState {
  return state;
}

export function updateState(change: Partial<PageState>): void {
  state = { ...state, ...change };
  api.setState(state);
}
