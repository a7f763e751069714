// The initiative page's side of the protocol (see ../shared/vscodeHost.ts).
import {
  InitiativeHostMessageSchema,
  InitiativePageStateSchema,
  type InitiativeHostMessage,
  type InitiativePageMessage,
  type InitiativePageState,
} from '../initiativeProtocol';
import { pageHost } from '../shared/vscodeHost';

type Reply = Extract<InitiativeHostMessage, { requestId: string }>;

const host = pageHost<InitiativePageMessage, InitiativeHostMessage, Reply, InitiativePageState>(
  InitiativeHostMessageSchema,
  InitiativePageStateSchema,
  {},
);

export const request = host.request;
export const send = host.send;
export const settle = host.settle;
export const parseHostMessage = host.parse;
export const updateState = host.updateState;
