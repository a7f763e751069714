// The map's side of the protocol (see ../shared/vscodeHost.ts).
import { MapHostMessageSchema, MapStateSchema, type MapHostMessage, type MapPageMessage, type MapState } from '../mapProtocol';
import { pageHost } from '../shared/vscodeHost';

type Reply = Extract<MapHostMessage, { requestId: string }>;

const host = pageHost<MapPageMessage, MapHostMessage, Reply, MapState>(MapHostMessageSchema, MapStateSchema, {});

export const request = host.request;
export const send = host.send;
export const settle = host.settle;
export const parseHostMessage = host.parse;
export const pageState = host.state;
export const updateState = host.updateState;
