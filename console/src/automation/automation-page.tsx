// The automation (自动化) section: SOP flows and their editor, human tasks, the delivery log, guardrail
// settings and the simulator.
import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { AUTOMATION_TABS, type AutomationTab } from '../sections.js';
import type { Workspace } from '../types.js';
import { DeliveriesPanel } from './deliveries/deliveries-panel.js';
import { FlowsPanel } from './flows/flows-panel.js';
import { GuardrailsPanel } from './guardrails/guardrails-panel.js';
import { SimulatorPanel } from './simulator/simulator-panel.js';
import { TasksPanel } from './tasks/tasks-panel.js';

export function AutomationPage({ workspace, tab }: { workspace: Workspace; tab: string | null }) {
  const t = useT();
  const active: AutomationTab = AUTOMATION_TABS.find((x) => x === tab) ?? 'flows';
  return (
    <section className="page" data-testid="automation-page">
      <header className="page-header">
        <h1>{t('nav.automation')}</h1>
      </header>
      <nav className="tabs" aria-label={t('auto.tabs')}>
        {AUTOMATION_TABS.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'automation', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`automation-tab-${id}`}
          >
            {t(`auto.tab.${id}`)}
          </Link>
        ))}
      </nav>
      <div key={workspace.slug}>
        {active === 'flows' && <FlowsPanel workspace={workspace} />}
        {active === 'tasks' && <TasksPanel workspace={workspace} />}
        {active === 'deliveries' && <DeliveriesPanel workspace={workspace} />}
        {active === 'guardrails' && <GuardrailsPanel workspace={workspace} />}
        {active === 'simulator' && <SimulatorPanel workspace={workspace} />}
      </div>
    </section>
  );
}
