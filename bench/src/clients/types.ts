import type { Provider } from '../matrix.js';

/** One send that the provider accepts, or a rejection. */
export type Send = (sequence: number) => Promise<void>;

export type LoadedClient = {
  /** Connectors: `createConnector`. SDKs: the client. Floors: the request function. */
  create: () => Promise<Send>;
  /** Logto creates a connector for every code it sends; SDK clients and floors are made once. */
  createPerSend: boolean;
};

export type ClientContext = {
  provider: Provider;
  duanxinModule: string;
  floorRequestsFile: string | undefined;
};

/** Imports the client's modules: what cold start times as `import`. */
export type LoadClient = (context: ClientContext) => Promise<LoadedClient>;
