// Which WeChat contact / room a Wechaty robot sees is which Guimi contact / channel group, and the
// message ids its sends produced (src/migrations/0031_acquisition.ts).
import '../../platform/store/database.js';

export interface WechatyContactTable {
  account_id: string;
  wechaty_id: string;
  contact_id: number;
}

export interface WechatyRoomTable {
  account_id: string;
  room_id: string;
  group_id: string;
}

export interface WechatySendTable {
  idempotency_key: string;
  account_id: string;
  message_id: string;
  at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    wechaty_contacts: WechatyContactTable;
    wechaty_rooms: WechatyRoomTable;
    wechaty_sends: WechatySendTable;
  }
}
