// WeCom's tables (src/migrations/0030_wecom.ts). Credentials and access tokens are sealed (src/platform/secrets.ts).
import type { Generated, Selectable } from 'kysely';
import '../../platform/store/database.js';

export interface WecomConnectionTable {
  id: string;
  workspace_id: string;
  corp_id: string;
  agent_id: number | null;
  api_base: string;
  /** Sealed corp secret, callback token and EncodingAESKey. */
  secret: string;
  token: string;
  aes_key: string;
  callback_path: string;
  /** Sealed access token and its expiry (ISO), shared by every process. */
  access_token: string | null;
  access_token_expires_at: string | null;
  /** JSON WecomSettings. */
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface WecomStaffTable {
  connection_id: string;
  userid: string;
  account_id: string;
}

export interface WecomInboxTable {
  id: string;
  connection_id: string;
  /** The decrypted callback XML. */
  payload: string;
  /** 'pending' | 'done' | 'dead' */
  state: string;
  attempts: number;
  due_at: string;
  locked_until: string | null;
  last_error: string | null;
  received_at: string;
  processed_at: string | null;
}

export interface WecomNonceTable {
  connection_id: string;
  nonce: string;
  /** Epoch ms. */
  seen_at: number;
}

export interface WecomTagTable {
  connection_id: string;
  wecom_tag_id: string;
  wecom_group_id: string;
  tag_id: string;
}

export interface WecomGroupTable {
  group_id: string;
  connection_id: string;
  chat_id: string;
  owner_userid: string;
  dismissed_at: string | null;
}

export interface WecomSendTable {
  idempotency_key: string;
  connection_id: string;
  /** 'mass' | 'group' | 'moment' | 'welcome' */
  kind: string;
  /** external_userid, chat_id or the sender (moments). */
  target: string;
  sender: string;
  /** msgid (mass/group), jobid (moment), null while the call is in flight or when WeCom gives none. */
  handle: string | null;
  /** 'calling' | 'accepted' | 'rejected' */
  state: string;
  reminded_at: string | null;
  created_at: string;
}

export interface WecomWelcomeCodeTable {
  touch_key: string;
  connection_id: string;
  welcome_code: string;
  expires_at: string;
}

export interface WecomContactWayTable {
  config_id: string;
  connection_id: string;
  state: string;
  qr_code: string | null;
  welcome_text: string | null;
  /** JSON: what the acquisition module put in (code, KOC, scene). */
  meta: string;
  created_at: string;
}

/** A Guimi tag change waiting to be pushed to WeCom (src/migrations/0032_wecom_tag_push.ts). */
export interface WecomTagChangeTable {
  seq: Generated<number>;
  connection_id: string;
  /** 'create' | 'rename' | 'delete' | 'mark' */
  op: string;
  tag_id: string;
  /** delete: JSON array of the corp tag ids the tag was mapped to. */
  wecom_tag_ids: string | null;
  contact_id: number | null;
  /** mark: 'add' | 'remove' */
  action: string | null;
  /** 'pending' | 'dead' */
  state: string;
  attempts: number;
  due_at: string;
  last_error: string | null;
  created_at: string;
}

export type TagChangeRow = Selectable<WecomTagChangeTable>;

declare module '../../platform/store/database.js' {
  interface Database {
    wecom_connections: WecomConnectionTable;
    wecom_staff: WecomStaffTable;
    wecom_inbox: WecomInboxTable;
    wecom_nonces: WecomNonceTable;
    wecom_tags: WecomTagTable;
    wecom_groups: WecomGroupTable;
    wecom_sends: WecomSendTable;
    wecom_welcome_codes: WecomWelcomeCodeTable;
    wecom_contact_ways: WecomContactWayTable;
    wecom_tag_changes: WecomTagChangeTable;
  }
}
