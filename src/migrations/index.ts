// The append-only migration history. Add new migrations at the end; never edit a committed one.
import type { GuimiMigration } from '../platform/store/migrate.js';
import { foundation } from './0001_foundation.js';
import { audience } from './0002_audience.js';
import { content } from './0010_content.js';
import { dispatch } from './0011_dispatch.js';
import { flows } from './0012_flows.js';
import { koc } from './0020_koc.js';
import { ladder } from './0021_ladder.js';
import { wecom } from './0030_wecom.js';
import { acquisition } from './0031_acquisition.js';
import { wecomTagPush } from './0032_wecom_tag_push.js';
import { touchGroupIndex } from './0040_touch_group_index.js';
import { eventsContactWeek } from './0041_events_contact_week.js';
import { contactTagChecks } from './0042_contact_tag_checks.js';
import { contactTagsWithoutRowid } from './0043_contact_tags_without_rowid.js';

export const migrations: GuimiMigration[] = [
  foundation,
  audience,
  content,
  dispatch,
  flows,
  koc,
  ladder,
  wecom,
  acquisition,
  wecomTagPush,
  touchGroupIndex,
  eventsContactWeek,
  contactTagChecks,
  contactTagsWithoutRowid,
];
