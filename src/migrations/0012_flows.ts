// Flows (SOP automation): flow headers, immutable versions of their definitions, per-contact runs, human
// tasks, tag-change signals (the tag writer's hook records them in its own transaction) and the event
// cursor the engine reads triggers from.
import type { Kysely } from 'kysely';
import { serialPrimaryKey } from '../platform/store/columns.js';
import type { GuimiMigration } from '../platform/store/migrate.js';

export const flows: GuimiMigration = {
  name: '0012_flows',
  async up(db: Kysely<unknown>, dialect) {
    const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
    await db.schema
      .createTable('flows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('trigger_kind', 'text', (c) => c.notNull())
      .addColumn('next_fire_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('flows_ws_name', ['workspace_id', 'name'])
      .execute();
    await db.schema
      .createTable('flow_versions')
      .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('flow_versions_pk', ['flow_id', 'version'])
      .execute();
    await db.schema
      .createTable('flow_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('trigger_key', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('next_due_at', 'text')
      .addColumn('waiting_for', 'text')
      .addColumn('wait_started_at', 'text')
      .addColumn('exit_reason', 'text')
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute();
    await db.schema
      .createIndex('flow_runs_trigger')
      .on('flow_runs')
      .columns(['flow_id', 'contact_id', 'trigger_key'])
      .unique()
      .execute();
    await db.schema.createIndex('flow_runs_due').on('flow_runs').columns(['state', 'next_due_at']).execute();
    await db.schema.createIndex('flow_runs_flow').on('flow_runs').columns(['flow_id', 'id']).execute();
    await db.schema
      .createIndex('flow_runs_contact')
      .on('flow_runs')
      .columns(['workspace_id', 'contact_id'])
      .execute();
    await db.schema
      .createTable('flow_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('flow_id', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('step_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', bigint)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('completed_by', 'text')
      .addUniqueConstraint('flow_tasks_run_step', ['run_id', 'step_id'])
      .execute();
    await db.schema
      .createIndex('flow_tasks_ws_status')
      .on('flow_tasks')
      .columns(['workspace_id', 'status', 'due_at'])
      .execute();
    await serialPrimaryKey(db.schema.createTable('flow_signals'), 'seq', dialect)
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', bigint, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('tag_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    // Exiting runs cancel their pending touches.
    await db.schema.createIndex('touches_flow_run').on('touches').column('flow_run_id').execute();
    await db.schema
      .createTable('flow_cursors')
      .addColumn('workspace_id', 'text', (c) =>
        c.primaryKey().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('events_seq', bigint, (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
