// WeCom's server API (企业微信服务端 API): access token via `gettoken`, cached in memory and in the store
// until shortly before it expires, refreshed once on 40014/42001 (invalid/expired token). Rate limits
// (45009) are retried with exponential backoff and jitter: WeCom refused the call, so a retry is safe even
// for a write. HTTP 5xx and timeouts are retried for reads only; for a write (a send) the call may have
// reached WeCom, so it throws WecomUnknownOutcome and the touch becomes `unknown` for reconciliation.
import { backoffDelay } from '../../platform/jobs/job.js';

export const WECOM_API_BASE = 'https://qyapi.weixin.qq.com';

/** WeCom answered with an errcode (other than the ones retried here). */
export class WecomApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeCom ${path}: errcode ${errcode} ${errmsg}`);
    this.name = 'WecomApiError';
  }
}

/** A write whose result is unknown (timeout, 5xx, connection reset after sending). */
export class WecomUnknownOutcome extends Error {
  constructor(path: string, why: string) {
    super(`WeCom ${path}: outcome unknown (${why})`);
    this.name = 'WecomUnknownOutcome';
  }
}

export interface CachedToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface TokenCache {
  load(): Promise<CachedToken | null>;
  save(t: CachedToken): Promise<void>;
}

export interface WecomClientOptions {
  apiBase: string;
  corpId: string;
  secret: string;
  tokens: TokenCache;
  now?: () => number;
  timeoutMs?: number;
  /** Attempts per call for retryable failures. */
  maxAttempts?: number;
  retryBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Json = Record<string, unknown>;
const TOKEN_ERRORS = new Set([40014, 42001]);
const RATE_LIMITED = 45009;
// A token is renewed this long before WeCom says it expires (clock skew, requests in flight).
const TOKEN_MARGIN_MS = 5 * 60_000;

export class WecomClient {
  private memory: CachedToken | null = null;
  private refreshing: Promise<string> | null = null;
  private readonly o: Required<WecomClientOptions>;

  constructor(options: WecomClientOptions) {
    this.o = {
      now: Date.now,
      timeoutMs: 10_000,
      maxAttempts: 5,
      retryBaseMs: 500,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      random: Math.random,
      ...options,
      apiBase: options.apiBase.replace(/\/+$/, ''),
    };
  }

  /** A read: retried on rate limits, 5xx and timeouts. */
  get<T = Json>(path: string, query: Record<string, string> = {}): Promise<T> {
    return this.call<T>('GET', path, query, undefined, false);
  }

  /** `write: true` for calls with effects outside Guimi (sends): never retried after it may have landed. */
  post<T = Json>(path: string, body: unknown, opts: { write?: boolean } = {}): Promise<T> {
    return this.call<T>('POST', path, {}, body, opts.write ?? false);
  }

  async accessToken(force = false): Promise<string> {
    const fresh = (t: CachedToken | null) => t && t.expiresAt - TOKEN_MARGIN_MS > this.o.now();
    if (!force && fresh(this.memory)) return this.memory!.token;
    this.refreshing ??= (async () => {
      try {
        if (!force) {
          const stored = await this.o.tokens.load();
          if (fresh(stored)) return (this.memory = stored!).token;
        }
        const r = await this.raw<{ access_token: string; expires_in: number }>('GET', '/cgi-bin/gettoken', {
          corpid: this.o.corpId,
          corpsecret: this.o.secret,
        });
        this.memory = { token: r.access_token, expiresAt: this.o.now() + r.expires_in * 1000 };
        await this.o.tokens.save(this.memory);
        return r.access_token;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private async call<T>(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    write: boolean,
  ): Promise<T> {
    const send = (token: string) => this.raw<T>(method, path, { ...query, access_token: token }, body, write);
    try {
      return await send(await this.accessToken());
    } catch (e) {
      // WeCom rejected the token (revoked, or expired early): nothing happened, so one retry is safe.
      if (!(e instanceof WecomApiError && TOKEN_ERRORS.has(e.errcode))) throw e;
      this.memory = null;
      return send(await this.accessToken(true));
    }
  }

  /** One HTTP exchange, with retries of what is retryable for its kind (reads: 5xx/timeouts, all: 45009). */
  private async raw<T>(
    method: string,
    path: string,
    query: Record<string, string>,
    body?: unknown,
    write = false,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, path, query, body, write);
      } catch (e) {
        if (!isRetryable(e) || attempt >= this.o.maxAttempts) throw e;
        await this.o.sleep(backoffDelay(attempt, this.o.retryBaseMs, 30_000, this.o.random));
      }
    }
  }

  private async once<T>(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    write: boolean,
  ): Promise<T> {
    const url = `${this.o.apiBase}${path}?${new URLSearchParams(query)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        signal: AbortSignal.timeout(this.o.timeoutMs),
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
    } catch (e) {
      const why = e instanceof Error ? e.name : 'network error';
      throw write ? new WecomUnknownOutcome(path, why) : new TransientError(`${path}: ${why}`);
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      throw write
        ? new WecomUnknownOutcome(path, `HTTP ${res.status}`)
        : new TransientError(`${path}: HTTP ${res.status}`);
    }
    let json: Json;
    try {
      json = (await res.json()) as Json;
    } catch {
      throw write
        ? new WecomUnknownOutcome(path, 'unreadable answer')
        : new TransientError(`${path}: unreadable answer`);
    }
    const errcode = Number(json.errcode ?? 0);
    if (errcode !== 0) throw new WecomApiError(errcode, String(json.errmsg ?? ''), path);
    return json as T;
  }
}

class TransientError extends Error {
  override name = 'TransientError';
}

function isRetryable(e: unknown): boolean {
  return e instanceof TransientError || (e instanceof WecomApiError && e.errcode === RATE_LIMITED);
}
