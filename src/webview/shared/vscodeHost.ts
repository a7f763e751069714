// A page's side of its protocol, for every webview: requests to the host with correlation ids, replies
// matched to them, validation of everything the host sends, and the state that survives hiding the panel
// and reloads. Each page (partner page, dashboard) makes one with its own schemas.
import * as v from 'valibot';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi() may be called once per page. */
let vscodeApi: VsCodeApi | undefined;

type WithoutRequestId<M> = M extends { requestId: string } ? Omit<M, 'requestId'> : never;

export interface PageHost<Outgoing, Incoming, Reply extends { requestId: string }, State> {
  /** Sends a request (the id is added here); `onReply` gets the host's answer. */
  request: (body: WithoutRequestId<Outgoing>, onReply?: (reply: Reply) => void) => string;
  /** Sends a message that needs no answer. */
  send: (message: Outgoing) => void;
  /** Calls whoever waits for this reply; false when nobody does (a late answer to an older page). */
  settle: (reply: Reply) => boolean;
  /** A message from the host, or undefined when it does not match the protocol. */
  parse: (raw: unknown) => Incoming | undefined;
  state: () => State;
  updateState: (change: Partial<State>) => void;
}

export function pageHost<Outgoing, Incoming, Reply extends { requestId: string }, State extends object>(
  incoming: v.GenericSchema<unknown, Incoming>,
  stateSchema: v.GenericSchema<unknown, State>,
  emptyState: State,
): PageHost<Outgoing, Incoming, Reply, State> {
  const api = (vscodeApi ??= acquireVsCodeApi());
  const waiting = new Map<string, (reply: Reply) => void>();
  // Unique across reloads of the page, so a late answer for an old page is never taken for a new request.
  const session = Math.floor(Math.random() * 36 ** 6).toString(36);
  let counter = 0;
  const restored = v.safeParse(stateSchema, api.getState());
  let state: State = restored.success ? restored.output : emptyState;
  return {
    request: (body, onReply) => {
      const requestId = `${session}-${++counter}`;
      if (onReply) waiting.set(requestId, onReply);
      api.postMessage({ ...body, requestId });
      return requestId;
    },
    send: (message) => {
      api.postMessage(message);
    },
    settle: (reply) => {
      const handler = waiting.get(reply.requestId);
      waiting.delete(reply.requestId);
      handler?.(reply);
      return handler !== undefined;
    },
    parse: (raw) => {
      const result = v.safeParse(incoming, raw);
      return result.success ? result.output : undefined;
    },
    state: () => state,
    updateState: (change) => {
      state = { ...state, ...change };
      api.setState(state);
    },
  };
}
