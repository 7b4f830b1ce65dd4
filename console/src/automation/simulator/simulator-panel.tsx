// The simulator: robot accounts with virtual fans, their inbox, and rehearsing the flows for a day.
import { useCallback, useState } from 'react';
import type { Workspace } from '../../types.js';
import type { SimAccount, SimMessage } from '../types.js';
import { SimAccounts } from './sim-accounts.js';
import { SimInbox } from './sim-inbox.js';
import { SimRun } from './sim-run.js';

export function SimulatorPanel({ workspace }: { workspace: Workspace }) {
  const [created, setCreated] = useState<SimAccount[]>([]);
  const [seen, setSeen] = useState<string[]>([]);
  // Accounts seen in the inbox stand in for a list of accounts (the server has none yet).
  const onMessages = useCallback((items: SimMessage[]) => {
    setSeen((prev) => {
      const ids = new Set(prev);
      for (const m of items) ids.add(m.accountId);
      return ids.size === prev.length ? prev : [...ids];
    });
  }, []);
  const accounts = [
    ...created.map((a) => ({ id: a.id, name: a.name })),
    ...seen.filter((id) => !created.some((a) => a.id === id)).map((id) => ({ id, name: null })),
  ];
  return (
    <div className="stack" data-testid="simulator-panel">
      <SimRun workspace={workspace} />
      <div className="sim-layout">
        <SimAccounts
          slug={workspace.slug}
          accounts={accounts}
          onCreated={(a) => setCreated((c) => [...c, a])}
        />
        <SimInbox slug={workspace.slug} zone={workspace.timezone} onMessages={onMessages} />
      </div>
    </div>
  );
}
