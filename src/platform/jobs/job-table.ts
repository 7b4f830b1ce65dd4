// The durable job table of the embedded scheduler (src/migrations/0011_dispatch.ts).
import '../store/database.js';

export interface JobTable {
  id: string;
  name: string;
  /** JSON payload. */
  payload: string;
  /** 'queued' | 'running' | 'done' | 'dead' */
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** Lease: a running job whose lease passed belongs to a dead process and is claimed again. */
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../store/database.js' {
  interface Database {
    jobs: JobTable;
  }
}
