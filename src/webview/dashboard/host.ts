// The dashboard's side of the protocol (see ../shared/vscodeHost.ts).
import {
  DashboardHostMessageSchema,
  DashboardStateSchema,
  type DashboardHostMessage,
  type DashboardPageMessage,
  type DashboardState,
} from '../protocol';
import { pageHost } from '../shared/vscodeHost';

type Reply = Extract<DashboardHostMessage, { requestId: string }>;

const host = pageHost<DashboardPageMessage, DashboardHostMessage, Reply, DashboardState>(
  DashboardHostMessageSchema,
  DashboardStateSchema,
  {},
);

export const request = host.request;
export const send = host.send;
export const settle = host.settle;
export const parseHostMessage = host.parse;
export const pageState = host.state;
export const updateState = host.updateState;
