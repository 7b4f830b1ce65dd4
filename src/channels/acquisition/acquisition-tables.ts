// Acquisition codes, their rotating groups and the fans they brought (src/migrations/0031_acquisition.ts).
import '../../platform/store/database.js';

export interface AcquisitionCodeTable {
  id: string;
  workspace_id: string;
  name: string;
  koc_id: string | null;
  scene: string;
  kind: string;
  /** JSON array of channel account ids. */
  account_ids: string;
  greeting_script_id: string | null;
  /** JSON array of tag names. */
  auto_tags: string;
  invite_group_id: string | null;
  group_capacity: number;
  token: string;
  wecom_state: string | null;
  wecom_config_id: string | null;
  qr_content: string;
  scans: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AcquisitionCodeGroupTable {
  code_id: string;
  group_id: string;
  position: number;
  created_at: string;
}

export interface AcquisitionFanTable {
  code_id: string;
  contact_id: number;
  workspace_id: string;
  account_id: string;
  koc_id: string | null;
  scene: string;
  acquired_at: string;
}

declare module '../../platform/store/database.js' {
  interface Database {
    acquisition_codes: AcquisitionCodeTable;
    acquisition_code_groups: AcquisitionCodeGroupTable;
    acquisition_fans: AcquisitionFanTable;
  }
}
