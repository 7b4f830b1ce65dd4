// Shapes of the content API (materials, folders, scripts, sensitive words) as the console reads them.
export const MATERIAL_KINDS = ['text', 'image', 'video', 'poster', 'link', 'miniprogram', 'product'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const FILE_KINDS = ['image', 'video', 'poster'] as const;
export const CARD_KINDS = ['text', 'link', 'miniprogram', 'product'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export interface Material {
  id: string;
  kind: MaterialKind;
  title: string;
  folderId: string | null;
  tags: string[];
  file: { sha256: string; size: number; mimeType: string; name: string | null } | null;
  data: Record<string, unknown>;
  useCount: number;
  lastUsedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Folder {
  id: string;
  name: string;
  createdAt: string;
  materials: number;
}

export const SCRIPT_PURPOSES = [
  'greeting',
  'welcome',
  'topic',
  'moment',
  'promotion',
  'objection',
  'after_sales',
] as const;
export type ScriptPurpose = (typeof SCRIPT_PURPOSES)[number];

/** The variables a script body may use, as the server's template parser knows them. */
export const TEMPLATE_VARIABLES = [
  'contact.name',
  'contact.city',
  'koc.name',
  'product.name',
  'product.price',
  'campaign.name',
  'campaign.link',
  'workspace.name',
] as const;

export interface Script {
  id: string;
  name: string;
  purpose: ScriptPurpose;
  body: string;
  promotion: boolean;
  variables: string[];
  attachments: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type SensitiveLevel = 'block' | 'warn';

export interface SensitiveHit {
  word: string;
  level: SensitiveLevel;
  /** 1-based, in characters. */
  position: number;
  line: number;
  column: number;
}

export interface SavedScript {
  script: Script;
  warnings: SensitiveHit[];
}

export interface ScriptPreview {
  contactId: number;
  text: string;
  used: string[];
  defaulted: string[];
  missing: string[];
  attachments: { id: string; kind: string; title: string }[];
  sensitive: { blocked: SensitiveHit[]; warnings: SensitiveHit[] };
}

export interface SensitiveWord {
  id: string;
  word: string;
  level: SensitiveLevel;
  createdAt: string;
  updatedAt: string;
}
