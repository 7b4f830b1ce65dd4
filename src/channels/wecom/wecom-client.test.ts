// The API client against the fake WeCom server: token cache and refresh, retries of what is safe to
// retry, and a send whose outcome is unknown surfacing as such (never retried).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeWecom } from '../../../test/support/fake-wecom.js';
import { WecomApiError, WecomClient, WecomUnknownOutcome, type CachedToken } from './wecom-client.js';

describe('WecomClient', () => {
  let fake: FakeWecom;
  let stored: CachedToken | null;
  const client = (o: Partial<ConstructorParameters<typeof WecomClient>[0]> = {}) =>
    new WecomClient({
      apiBase: fake.url,
      corpId: fake.corpId,
      secret: fake.secret,
      tokens: { load: async () => stored, save: async (t) => void (stored = t) },
      retryBaseMs: 1,
      timeoutMs: 300,
      ...o,
    });
  beforeEach(async () => {
    stored = null;
    fake = await new FakeWecom().start();
    fake.staff.add('zhangsan');
  });
  afterEach(() => fake.stop());

  it('caches the token, refreshes it once when WeCom expires it', async () => {
    const c = client();
    await c.get('/cgi-bin/externalcontact/get_follow_user_list');
    await c.get('/cgi-bin/externalcontact/get_follow_user_list');
    expect(fake.callsTo('gettoken')).toHaveLength(1);
    // A second client (another process) uses the stored token.
    await client().get('/cgi-bin/externalcontact/get_follow_user_list');
    expect(fake.callsTo('gettoken')).toHaveLength(1);
    fake.expireTokens();
    expect(await c.get('/cgi-bin/externalcontact/get_follow_user_list')).toMatchObject({
      follow_user: ['zhangsan'],
    });
    expect(fake.callsTo('gettoken')).toHaveLength(2);
  });

  it('retries 45009 bursts and 5xx on reads, then gives up with the error', async () => {
    fake.fail('get_follow_user_list', '45009', 3);
    fake.fail('get_follow_user_list', '5xx', 1);
    expect(await client().get('/cgi-bin/externalcontact/get_follow_user_list')).toMatchObject({
      follow_user: ['zhangsan'],
    });
    expect(fake.callsTo('get_follow_user_list')).toHaveLength(5);
    fake.fail('get_follow_user_list', '45009', 10);
    await expect(
      client({ maxAttempts: 3 }).get('/cgi-bin/externalcontact/get_follow_user_list'),
    ).rejects.toBeInstanceOf(WecomApiError);
  });

  it('never retries a write that may have landed: timeouts and 5xx are unknown outcomes', async () => {
    const send = {
      chat_type: 'single',
      external_userid: ['wm1'],
      sender: 'zhangsan',
      text: { content: 'hi' },
    };
    fake.fail('add_msg_template', 'timeout', 1);
    await expect(
      client().post('/cgi-bin/externalcontact/add_msg_template', send, { write: true }),
    ).rejects.toBeInstanceOf(WecomUnknownOutcome);
    fake.fail('add_msg_template', '5xx', 1);
    await expect(
      client().post('/cgi-bin/externalcontact/add_msg_template', send, { write: true }),
    ).rejects.toBeInstanceOf(WecomUnknownOutcome);
    expect(fake.callsTo('add_msg_template')).toHaveLength(2);
    // 45009 means WeCom refused it: retrying a write is then safe.
    fake.fail('add_msg_template', '45009', 2);
    await client().post('/cgi-bin/externalcontact/add_msg_template', send, { write: true });
    expect(fake.callsTo('add_msg_template')).toHaveLength(5);
  });
});
