// A local fake of WeCom's server API and callback sender for tests: the same paths, errcodes and callback
// encryption (@wecom/crypto), with faults on demand (45009 bursts, expired tokens, 5xx, timeouts, and
// `lost_answer`: the call takes effect but the answer is a 502, as when a proxy fails after WeCom did).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Fault = '45009' | '5xx' | 'timeout' | 'expired_token' | 'lost_answer';
interface Customer {
  external_userid: string;
  name: string;
  gender: number;
  follow: { userid: string; createtime: number; state?: string; tag_id: string[] }[];
}
interface Template {
  msgid: string;
  sender: string;
  chat_type: string;
  targets: string[];
  sent: Set<string>;
  text: string;
  reminded: number;
}

export class FakeWecom {
  readonly corpId = 'ww' + randomBytes(8).toString('hex');
  readonly secret = randomBytes(16).toString('hex');
  readonly token = randomBytes(8).toString('hex');
  readonly aesKey = randomBytes(32).toString('base64').slice(0, 43);
  readonly calls: { path: string; body: Json }[] = [];
  readonly customers = new Map<string, Customer>();
  readonly staff = new Set<string>();
  readonly templates = new Map<string, Template>();
  readonly welcomes: { code: string; text: string }[] = [];
  readonly moments = new Map<string, { sender: string; published: boolean }>();
  readonly tagGroups: { group_id: string; group_name: string; tag: { id: string; name: string }[] }[] = [];
  readonly groups = new Map<
    string,
    {
      chat_id: string;
      name: string;
      owner: string;
      members: { userid: string; type: number; name?: string }[];
    }
  >();
  private readonly tokens = new Map<string, number>();
  private readonly welcomeCodes = new Map<string, number>();
  private readonly faults: { path: string; fault: Fault; left: number }[] = [];
  private server!: Server;
  private seq = 0;
  url = '';

  constructor(private readonly now: () => number = Date.now) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  /** The next `count` calls to `path` fail this way. */
  fail(path: string, fault: Fault, count = 1): void {
    this.faults.push({ path, fault, left: count });
  }

  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  callsTo(name: string) {
    return this.calls.filter((c) => c.path.endsWith(`/${name}`));
  }

  /** A fan scans a staff member's code: WeCom adds the customer and gives a 20-second WelcomeCode. */
  scan(userid: string, externalUserid: string, name: string, state?: string): Record<string, string> {
    this.staff.add(userid);
    const c = this.customers.get(externalUserid) ?? {
      external_userid: externalUserid,
      name,
      gender: 2,
      follow: [],
    };
    c.follow.push({
      userid,
      createtime: Math.floor(this.now() / 1000),
      tag_id: [],
      ...(state ? { state } : {}),
    });
    this.customers.set(externalUserid, c);
    const code = `wc_${++this.seq}_${randomBytes(4).toString('hex')}`;
    this.welcomeCodes.set(code, this.now() + 20_000);
    return {
      ToUserName: this.corpId,
      FromUserName: 'sys',
      CreateTime: String(Math.floor(this.now() / 1000)),
      MsgType: 'event',
      Event: 'change_external_contact',
      ChangeType: 'add_external_contact',
      UserID: userid,
      ExternalUserID: externalUserid,
      ...(state ? { State: state } : {}),
      WelcomeCode: code,
    };
  }

  /** Staff confirm a mass send in their WeCom client: it reaches every target. */
  confirm(msgid: string): void {
    const t = this.templates.get(msgid)!;
    for (const x of t.targets) t.sent.add(x);
  }

  /** The signed, encrypted callback request WeCom would send. */
  callback(
    fields: Record<string, string>,
    o: { timestamp?: number; nonce?: string; corpId?: string; xml?: string } = {},
  ) {
    const xml = `<xml>${Object.entries(fields)
      .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
      .join('')}</xml>`;
    const enc = encrypt(this.aesKey, o.xml ?? xml, o.corpId ?? this.corpId);
    const timestamp = String(o.timestamp ?? Math.floor(this.now() / 1000));
    const nonce = o.nonce ?? randomBytes(6).toString('hex');
    const query = new URLSearchParams({
      msg_signature: getSignature(this.token, timestamp, nonce, enc),
      timestamp,
      nonce,
    });
    return {
      query: query.toString(),
      body: `<xml><ToUserName><![CDATA[${this.corpId}]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`,
    };
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', this.url);
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body: Json = raw ? (JSON.parse(raw) as Json) : Object.fromEntries(u.searchParams);
    const path = u.pathname;
    this.calls.push({ path, body });
    const fault = this.faults.find((f) => f.left > 0 && path.endsWith(f.path));
    let lost = false;
    if (fault) {
      fault.left--;
      lost = fault.fault === 'lost_answer';
      if (fault.fault === 'timeout') return; // never answers; the client's timeout fires
      if (fault.fault === '5xx') return void res.writeHead(502).end('bad gateway');
      if (fault.fault === '45009') return this.json(res, { errcode: 45009, errmsg: 'api freq out of limit' });
      if (fault.fault === 'expired_token')
        return this.json(res, { errcode: 42001, errmsg: 'access_token expired' });
    }
    if (path === '/cgi-bin/gettoken') {
      if (u.searchParams.get('corpid') !== this.corpId || u.searchParams.get('corpsecret') !== this.secret)
        return this.json(res, { errcode: 40001, errmsg: 'invalid credential' });
      const t = randomBytes(12).toString('hex');
      this.tokens.set(t, this.now() + 7200_000);
      return this.json(res, { errcode: 0, access_token: t, expires_in: 7200 });
    }
    const expires = this.tokens.get(u.searchParams.get('access_token') ?? '');
    if (expires === undefined) return this.json(res, { errcode: 40014, errmsg: 'invalid access_token' });
    if (expires <= this.now()) return this.json(res, { errcode: 42001, errmsg: 'access_token expired' });
    const answer = this.api(path.replace('/cgi-bin/externalcontact/', ''), body);
    if (lost) return void res.writeHead(502).end('bad gateway');
    this.json(res, { errcode: 0, errmsg: 'ok', ...answer });
  }

  private api(name: string, b: Json): Json {
    const c = (id: string) => this.customers.get(id);
    switch (name) {
      case 'get_follow_user_list':
        return { follow_user: [...this.staff] };
      case 'list':
        return {
          external_userid: [...this.customers.values()]
            .filter((x) => x.follow.some((f) => f.userid === b.userid))
            .map((x) => x.external_userid),
        };
      case 'get': {
        const x = c(b.external_userid);
        return x
          ? {
              external_contact: { external_userid: x.external_userid, name: x.name, gender: x.gender },
              follow_user: x.follow.map((f) => ({
                ...f,
                tags: f.tag_id.map((tag_id) => ({ tag_id, type: 1 })),
              })),
            }
          : { errcode: 84061, errmsg: 'not external contact' };
      }
      case 'batch/get_by_user': {
        const all = [...this.customers.values()].flatMap((x) =>
          x.follow
            .filter((f) => b.userid_list.includes(f.userid))
            .map((f) => ({
              external_contact: { external_userid: x.external_userid, name: x.name, gender: x.gender },
              follow_info: f,
            })),
        );
        const from = Number(b.cursor || 0);
        return {
          external_contact_list: all.slice(from, from + b.limit),
          next_cursor: from + b.limit < all.length ? String(from + b.limit) : '',
        };
      }
      case 'get_corp_tag_list':
        return { tag_group: this.tagGroups };
      case 'add_corp_tag': {
        let g = this.tagGroups.find((x) => x.group_name === b.group_name);
        if (!g)
          this.tagGroups.push((g = { group_id: `grp${++this.seq}`, group_name: b.group_name, tag: [] }));
        // WeCom refuses a name the group already has (40071 标签名字已经存在).
        if ((b.tag as { name: string }[]).some((t) => g!.tag.some((x) => x.name === t.name)))
          return { errcode: 40071, errmsg: 'tag name already exists' };
        const tags = (b.tag as { name: string }[]).map((t) => ({ id: `et${++this.seq}`, name: t.name }));
        g.tag.push(...tags);
        return { tag_group: { group_id: g.group_id, group_name: g.group_name, tag: tags } };
      }
      case 'edit_corp_tag':
        for (const g of this.tagGroups) for (const t of g.tag) if (t.id === b.id) t.name = b.name;
        return {};
      case 'del_corp_tag':
        for (const g of this.tagGroups) g.tag = g.tag.filter((t) => !b.tag_id.includes(t.id));
        return {};
      case 'mark_tag':
        for (const f of c(b.external_userid)?.follow ?? [])
          if (f.userid === b.userid)
            f.tag_id = [...new Set([...f.tag_id, ...(b.add_tag ?? [])])].filter(
              (t) => !(b.remove_tag ?? []).includes(t),
            );
        return {};
      case 'groupchat/list':
        return {
          group_chat_list: [...this.groups.values()].map((g) => ({ chat_id: g.chat_id, status: 0 })),
          next_cursor: '',
        };
      case 'groupchat/get': {
        const g = this.groups.get(b.chat_id);
        return g
          ? { group_chat: { chat_id: g.chat_id, name: g.name, owner: g.owner, member_list: g.members } }
          : { errcode: 40050, errmsg: 'invalid chat_id' };
      }
      case 'add_contact_way':
        return { config_id: `cfg${++this.seq}`, qr_code: `https://fake.qr/${this.seq}` };
      case 'add_msg_template': {
        const targets: string[] = b.chat_type === 'group' ? b.chat_id_list : b.external_userid;
        const fail = targets.filter(
          (t) => b.chat_type !== 'group' && !c(t)?.follow.some((f) => f.userid === b.sender),
        );
        const msgid = `msg${++this.seq}`;
        this.templates.set(msgid, {
          msgid,
          sender: b.sender,
          chat_type: b.chat_type,
          targets: targets.filter((t) => !fail.includes(t)),
          sent: new Set(),
          text: b.text?.content ?? '',
          reminded: 0,
        });
        return { fail_list: fail, msgid };
      }
      case 'get_groupmsg_task': {
        const t = this.templates.get(b.msgid);
        return { task_list: t ? [{ userid: t.sender, status: t.sent.size ? 2 : 0 }] : [] };
      }
      case 'get_groupmsg_send_result': {
        const t = this.templates.get(b.msgid);
        return {
          detail_list: (t?.targets ?? []).map((x) => ({
            [t!.chat_type === 'group' ? 'chat_id' : 'external_userid']: x,
            userid: t!.sender,
            status: t!.sent.has(x) ? 1 : 0,
          })),
          next_cursor: '',
        };
      }
      case 'remind_groupmsg_send': {
        const t = this.templates.get(b.msgid);
        if (t) t.reminded++;
        return {};
      }
      case 'send_welcome_msg': {
        const exp = this.welcomeCodes.get(b.welcome_code);
        if (exp === undefined || exp < this.now())
          return { errcode: 41051, errmsg: 'welcome_code expired or used' };
        this.welcomeCodes.delete(b.welcome_code);
        this.welcomes.push({ code: b.welcome_code, text: b.text?.content ?? '' });
        return {};
      }
      case 'add_moment_task': {
        const jobid = `job${++this.seq}`;
        this.moments.set(jobid, { sender: b.visible_range?.sender_list?.user_list?.[0], published: false });
        return { jobid };
      }
      case 'get_moment_task_result':
        return { status: 3, type: 'add_moment_task', result: { errcode: 0, moment_id: `mom_${b.jobid}` } };
      case 'get_moment_task': {
        const m = this.moments.get(String(b.moment_id).replace('mom_', ''));
        return { task_list: m ? [{ userid: m.sender, publish_status: m.published ? 1 : 0 }] : [] };
      }
      default:
        return { errcode: 60011, errmsg: `fake has no ${name}` };
    }
  }

  private json(res: ServerResponse, o: Json): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
  }
}
