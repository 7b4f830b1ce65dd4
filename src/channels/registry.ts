// Maps a channel account's kind to its Channel. The simulator is built in; the Wechaty and WeCom
// adapters register their factories here. One instance per store and kind (it serves all accounts).
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/log.js';
import type { Store } from '../platform/store/open-store.js';
import type { Channel } from './channel.js';
import { SimulatorChannel } from './simulator/simulator-channel.js';

export type ChannelKind = Channel['kind'];

export interface ChannelDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Present in servers and workers; channels with sealed credentials need it (GUIMI_SECRET_KEY). */
  config?: Config;
}

export type ChannelFactory = (deps: ChannelDeps) => Channel;

const factories = new Map<string, ChannelFactory>([['simulator', (deps) => new SimulatorChannel(deps)]]);
const instances = new WeakMap<Store, Map<string, Channel>>();

export function registerChannelFactory(kind: ChannelKind, factory: ChannelFactory): void {
  factories.set(kind, factory);
}

export function channelFor(deps: ChannelDeps, kind: string): Channel {
  let byKind = instances.get(deps.store);
  if (!byKind) instances.set(deps.store, (byKind = new Map()));
  let channel = byKind.get(kind);
  if (!channel) {
    const factory = factories.get(kind);
    if (!factory) throw new Error(`no channel adapter for accounts of kind "${kind}"`);
    byKind.set(kind, (channel = factory(deps)));
  }
  return channel;
}
