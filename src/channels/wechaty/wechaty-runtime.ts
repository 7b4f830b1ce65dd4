// The Wechaty robots running in this process (the server; `guimi worker` when it dispatches): one bot per
// started account, its login QR and status, and the handlers that turn what it sees into Guimi events.
// A personal account can be logged in once: start it in the process that dispatches its touches.
import type { Wechaty } from 'wechaty';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/log.js';
import { secretBox } from '../../platform/secrets.js';
import type { Store } from '../../platform/store/open-store.js';
import { loadPuppet } from './load-puppet.js';
import { wechatIdOf, type Robot } from './wechaty-identity.js';
import { parseWechatySettings, type WechatySettings } from './wechaty-settings.js';
import '../channel-tables.js';

export type BotStatus = 'logged_out' | 'starting' | 'scanning' | 'logged_in' | 'banned_suspicion';

export interface RuntimeDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config?: Pick<Config, 'GUIMI_SECRET_KEY' | 'GUIMI_DATA_DIR'> | undefined;
}

export interface RunningBot {
  robot: Robot;
  settings: WechatySettings;
  bot: Wechaty;
  status: BotStatus;
  qr: string | null;
  error: string | null;
  sendFailures: number;
  lastSendAt: number | null;
}

export interface StatusView {
  accountId: string;
  status: BotStatus;
  running: boolean;
  qr: string | null;
  error: string | null;
}

/** Consecutive failed sends, or a logout soon after sending, look like WeChat restricting the account. */
const SUSPICIOUS_FAILURES = 3;
const LOGOUT_AFTER_SEND_MS = 10 * 60_000;

export class WechatyRuntime {
  private readonly bots = new Map<string, RunningBot>();
  private readonly pending = new Set<Promise<void>>();

  constructor(readonly deps: RuntimeDeps) {}

  async start(
    accountId: string,
    opts: { puppetOptions?: Record<string, unknown> } = {},
  ): Promise<StatusView> {
    if (this.bots.has(accountId)) return this.status(accountId);
    const row = await this.deps.store.db
      .selectFrom('channel_accounts')
      .select(['id', 'workspace_id', 'settings'])
      .where('id', '=', accountId)
      .where('kind', '=', 'wechaty')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `Wechaty account ${accountId} not found`, { accountId });
    const settings = parseWechatySettings(row.settings);
    const options: Record<string, unknown> = { ...opts.puppetOptions };
    if (settings.sealedToken) {
      if (!this.deps.config)
        throw new AppError('CONFIG', 'the puppet token needs the secret key configuration');
      options.token = secretBox(this.deps.config, this.deps.logger).open(settings.sealedToken);
    }
    const puppet = await loadPuppet(settings.puppet, options);
    // Loaded on first start: Wechaty is heavy and most processes never run a bot.
    const { WechatyBuilder } = await import('wechaty');
    const { attachHandlers } = await import('./attach-handlers.js');
    const bot = WechatyBuilder.build({ name: `guimi-${accountId}`, puppet: puppet as never });
    const running: RunningBot = {
      robot: { accountId, workspaceId: row.workspace_id },
      settings,
      bot,
      status: 'starting',
      qr: null,
      error: null,
      sendFailures: 0,
      lastSendAt: null,
    };
    this.bots.set(accountId, running);
    bot.on('scan', (qr) => {
      running.status = 'scanning';
      running.qr = qr;
    });
    bot.on('login', () => {
      running.status = 'logged_in';
      running.qr = null;
      running.sendFailures = 0;
    });
    bot.on('logout', () => {
      const recent =
        running.lastSendAt !== null &&
        this.deps.clock.now().getTime() - running.lastSendAt < LOGOUT_AFTER_SEND_MS;
      running.status = recent ? 'banned_suspicion' : 'logged_out';
    });
    bot.on('error', (err) => {
      running.error = err.message;
      this.deps.logger.warn({ err, accountId }, 'wechaty bot error');
    });
    attachHandlers(this, running);
    try {
      await bot.start();
    } catch (e) {
      this.bots.delete(accountId);
      throw new AppError('INTERNAL', `the Wechaty bot did not start: ${(e as Error).message}`, { accountId });
    }
    return this.status(accountId);
  }

  async stop(accountId: string): Promise<StatusView> {
    const running = this.bots.get(accountId);
    if (running) {
      this.bots.delete(accountId);
      await this.idle();
      await running.bot.stop();
    }
    return this.status(accountId);
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.bots.keys()]) await this.stop(id);
  }

  status(accountId: string): StatusView {
    const r = this.bots.get(accountId);
    return {
      accountId,
      status: r?.status ?? 'logged_out',
      running: Boolean(r),
      qr: r?.qr ?? null,
      error: r?.error ?? null,
    };
  }

  running(accountId: string): RunningBot | undefined {
    return this.bots.get(accountId);
  }

  noteSend(running: RunningBot, ok: boolean): void {
    running.lastSendAt = this.deps.clock.now().getTime();
    running.sendFailures = ok ? 0 : running.sendFailures + 1;
    if (running.sendFailures >= SUSPICIOUS_FAILURES) running.status = 'banned_suspicion';
  }

  /** Runs an event handler, tracked so tests and `stop` can wait for it; failures are logged. */
  track(work: () => Promise<void>): void {
    const p = work()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'a Wechaty event handler failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits until every event received so far is handled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /** Invites a contact to a room through the running bot (the room-join event reports the join). */
  async inviteToGroup(accountId: string, groupId: string, contactId: number): Promise<boolean> {
    const running = this.bots.get(accountId);
    if (!running || running.status !== 'logged_in') return false;
    const { db } = this.deps.store;
    const roomId = await wechatIdOf(db, accountId, { contactId: null, groupId });
    const wxid = await wechatIdOf(db, accountId, { contactId, groupId: null });
    if (!roomId || !wxid) return false;
    try {
      const room = await running.bot.Room.find({ id: roomId });
      const contact = await running.bot.Contact.find({ id: wxid });
      if (!room || !contact) return false;
      await room.add(contact);
      return true;
    } catch (err) {
      this.deps.logger.warn({ err, accountId, groupId }, 'room invitation failed');
      return false;
    }
  }
}

const runtimes = new WeakMap<Store, WechatyRuntime>();

export function wechatyRuntime(deps: RuntimeDeps): WechatyRuntime {
  let r = runtimes.get(deps.store);
  if (!r) runtimes.set(deps.store, (r = new WechatyRuntime(deps)));
  return r;
}
