/** The one seam between dispatch and a messaging channel (simulator, Wechaty, WeCom). */
export type TouchKind = 'direct' | 'group' | 'moment' | 'welcome';

export interface RenderedContent {
  text: string;
  attachments: { kind: string; materialId: string; title?: string; url?: string }[];
}

export interface OutboundTouch {
  touchId: string;
  idempotencyKey: string;
  workspaceId: string;
  kind: TouchKind;
  accountId: string;
  contactId: number | null;
  groupId: string | null;
  content: RenderedContent;
}

export type SendResult =
  | { status: 'sent'; channelRef: string }
  | { status: 'awaiting_confirmation'; channelRef: string } // assisted channels (WeCom mass-send tasks)
  | { status: 'failed'; permanent: boolean; error: string; retryAfterMs?: number };

export type LookupResult =
  | { status: 'sent' | 'awaiting_confirmation'; channelRef: string }
  | { status: 'not_found' }
  | { status: 'unknown' };

export interface Channel {
  readonly kind: 'simulator' | 'wechaty' | 'wecom';
  readonly mode: 'direct' | 'assisted';
  send(touch: OutboundTouch): Promise<SendResult>;
  /** Did a send with this idempotency key reach the channel? Used to reconcile `unknown` touches. */
  lookup(touch: OutboundTouch): Promise<LookupResult>;
  /** Assisted channels: has staff confirmed / what was the result. */
  confirmation?(
    touch: OutboundTouch & { channelRef: string },
  ): Promise<{ status: 'awaiting_confirmation' | 'sent' | 'failed'; error?: string }>;
}
