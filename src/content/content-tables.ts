// The content libraries' tables (src/migrations/0010_content.ts).
import '../platform/store/database.js';

export interface MaterialFolderTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

export interface MaterialTable {
  id: string;
  workspace_id: string;
  /** 'text' | 'image' | 'video' | 'poster' | 'link' | 'miniprogram' | 'product' */
  kind: string;
  title: string;
  folder_id: string | null;
  /** Content address of the file under <data dir>/files (file kinds only). */
  file_sha256: string | null;
  file_size: number | null;
  mime_type: string | null;
  file_name: string | null;
  /** JSON: the text, or the card's fields. */
  data: string;
  use_count: number;
  last_used_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Set when a material already sent to fans is deleted: history keeps resolving it. */
  deleted_at: string | null;
}

export interface MaterialTagTable {
  material_id: string;
  workspace_id: string;
  tag: string;
}

export interface ScriptTable {
  id: string;
  workspace_id: string;
  name: string;
  purpose: string;
  body: string;
  /** 1 = counts toward the promotion-mix guard. */
  promotion: number;
  /** JSON array of the variable names the body uses. */
  variables: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ScriptMaterialTable {
  script_id: string;
  material_id: string;
  position: number;
}

export interface ScriptTermTable {
  script_id: string;
  workspace_id: string;
  term: string;
  hits: number;
}

export interface SensitiveWordTable {
  id: string;
  workspace_id: string;
  word: string;
  /** 'block' | 'warn' */
  level: string;
  created_at: string;
  updated_at: string;
}

declare module '../platform/store/database.js' {
  interface Database {
    material_folders: MaterialFolderTable;
    materials: MaterialTable;
    material_tags: MaterialTagTable;
    scripts: ScriptTable;
    script_materials: ScriptMaterialTable;
    script_terms: ScriptTermTable;
    sensitive_words: SensitiveWordTable;
  }
}
