// The partner page's side of the protocol (see ../shared/vscodeHost.ts).
import { HostMessageSchema, PageStateSchema, type HostMessage, type PageMessage, type PageState, type ResultMessage } from '../protocol';
import { pageHost } from '../shared/vscodeHost';

const host = pageHost<PageMessage, HostMessage, ResultMessage, PageState>(HostMessageSchema, PageStateSchema, {});

export const request = host.request;
export const settle = host.settle;
export const parseHostMessage = host.parse;
export const pageState = host.state;
export const updateState = host.updateState;

export function sendReady(): void {
  host.send({ type: 'ready' });
}
