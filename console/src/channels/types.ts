// What the channel routes answer, as the console reads it.
export interface WecomConnection {
  id: string;
  corpId: string;
  agentId: number | null;
  apiBase: string;
  callbackPath: string;
  staff: number;
  createdAt: string;
}

export type BotStatus = 'logged_out' | 'starting' | 'scanning' | 'logged_in' | 'banned_suspicion';

export interface ChannelAccount {
  id: string;
  kind: 'simulator' | 'wechaty' | 'wecom';
  name: string;
  personal: boolean;
  fans: number;
  userid: string | null;
  puppet: string | null;
  hasToken: boolean;
  status: BotStatus | null;
  createdAt: string;
}

export interface ChannelAccounts {
  wecom: WecomConnection[];
  accounts: ChannelAccount[];
}

export interface WecomCheck {
  ok: boolean;
  checks: { check: string; ok: boolean; detail: string }[];
}

export interface BotStatusView {
  accountId: string;
  status: BotStatus;
  running: boolean;
  qr: string | null;
  error: string | null;
}

export const SCENES = ['pre_sales', 'coupon', 'after_sales', 'event', 'custom'] as const;

export interface AcquisitionCode {
  id: string;
  name: string;
  kocId: string | null;
  scene: (typeof SCENES)[number];
  kind: 'friend' | 'group';
  accountIds: string[];
  greetingScriptId: string | null;
  autoTags: string[];
  inviteGroupId: string | null;
  groupCapacity: number;
  token: string;
  wecomState: string | null;
  qrContent: string;
  status: string;
  createdAt: string;
}

export interface Retention {
  eligible: number;
  retained: number;
  rate: number | null;
}

export interface CodeStats {
  codeId: string;
  scans: number;
  adds: number;
  attributed: number;
  groups: { groupId: string; members: number }[];
  retention: { d7: Retention; d30: Retention };
}

export type MatchKind = 'exact' | 'contains' | 'regex';

export interface AutoReplyRule {
  id: string;
  name: string;
  accountId: string | null;
  match: MatchKind;
  pattern: string;
  scriptId: string;
  priority: number;
  cooldownSeconds: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AutoReplyTest {
  rule: AutoReplyRule | null;
  script: { id: string; name: string; body: string } | null;
}

/** Just what the channel views need of a script and a KOC. */
export interface ScriptRef {
  id: string;
  name: string;
}
export interface KocRef {
  id: string;
  name: string;
}
