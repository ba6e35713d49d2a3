import type { ClientKind } from '../matrix.js';
import { loadDuanxin, loadLogto } from './connectors.js';
import { loadGotFloor, loadHttpsFloor } from './floors.js';
import { loadSdk } from './sdks.js';
import type { LoadClient } from './types.js';

export const clientLoaders: Record<ClientKind, LoadClient> = {
  'https-floor': loadHttpsFloor,
  'got-floor': loadGotFloor,
  logto: loadLogto,
  sdk: loadSdk,
  duanxin: loadDuanxin,
};

export type { LoadedClient, Send } from './types.js';
