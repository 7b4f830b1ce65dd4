// Shapes of the audience API (contacts, tags, rules, segments, import) as the console reads them.
export type AttrValue = string | number | boolean;

export interface Contact {
  id: number;
  externalId: string;
  name: string | null;
  /** Masked by the server for roles that may not see personal data. */
  phone: string | null;
  wechatId: string | null;
  wecomExternalUserid: string | null;
  gender: string | null;
  city: string | null;
  birthYear: number | null;
  source: string | null;
  ownerKocId: string | null;
  attrs: Record<string, AttrValue>;
  createdAt: string;
  updatedAt: string;
  mergedInto: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ContactTag {
  id: string;
  name: string;
  groupId: string | null;
  addedAt: string;
  addedBy: string;
}

export interface ContactEvent {
  id: string;
  type: string;
  at: string;
  source: { kind: string; id: string } | null;
  props: Record<string, unknown>;
}

export interface ContactDetail {
  contact: Contact;
  tags: ContactTag[];
  events: Page<ContactEvent>;
}

export interface Tag {
  id: string;
  name: string;
  groupId: string | null;
  members: number;
  createdAt: string;
}

export interface TagGroup {
  id: string;
  name: string;
  tags: number;
  createdAt: string;
}

export interface TagRule {
  id: string;
  name: string;
  trigger: 'event' | 'attribute';
  eventType: string | null;
  props: Record<string, unknown> | null;
  minCount: number;
  withinDays: number | null;
  condition: string | null;
  action: 'add' | 'remove';
  tagId: string;
  tag: string;
  enabled: boolean;
  createdAt: string;
}

export interface TagRuleApplied {
  rule: TagRule;
  applied: number;
}

export interface Segment {
  id: string;
  name: string;
  expression: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentMember {
  id: number;
  externalId: string;
  name: string | null;
  phone: string | null;
  city: string | null;
  tags: string[];
}

export interface SegmentMembersPage extends Page<SegmentMember> {
  total: number;
}

export interface ImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { line: number; reason: string }[];
  errorsTruncated?: true;
}
