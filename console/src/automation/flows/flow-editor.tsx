// The flow editor: settings and trigger on the left, the steps on a timeline on the right. Saving sends
// the whole definition; the server's validation issues come back by path and are shown on the field or
// step card they are about. Activate and pause act on the saved version; an active flow with a manual
// trigger can be started by hand.
import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import type { Script } from '../../content/types.js';
import { useT } from '../../i18n/index.js';
import { navigate, workspacePath } from '../../router.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { Flow, FlowDefinition, FlowSaveResult, FlowStartResult, FlowStatus } from '../types.js';
import { cleanDefinition, issuesByPath, newStep } from './flow-draft.js';
import { FlowRuns } from './flow-runs.js';
import { FlowTimeline } from './flow-timeline.js';
import { useGroupList } from './group-picker.js';
import { StartFlowDialog } from './start-flow-dialog.js';
import { TriggerFields } from './trigger-fields.js';

const BLANK: FlowDefinition = { name: '', trigger: { type: 'friend_added' }, reentry: 'never', steps: [] };

interface Props {
  slug: string;
  zone: string;
  flow: Flow | null;
  scripts: Script[];
  writable: boolean;
}

export function FlowEditor({ slug, zone, flow: initial, scripts, writable }: Props) {
  const t = useT();
  const [flow, setFlow] = useState<Flow | null>(initial);
  const [draft, setDraft] = useState<FlowDefinition>(() => {
    if (!initial) return BLANK;
    const { status: _status, ...def } = initial.definition;
    return def;
  });
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [starting, setStarting] = useState(false);
  // Bumped after a start so the runs list reads the new runs.
  const [started, setStarted] = useState(0);
  const groups = useGroupList(slug);
  const issues = issuesByPath(error);
  const placed = [...issues.keys()].every(
    (p) => p !== '' && /^(name|trigger|audience|account|community|reentry|steps)/.test(p),
  );

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const status: FlowStatus = flow?.status ?? 'draft';
      const body = { ...cleanDefinition(draft), status: status === 'archived' ? 'paused' : status };
      const r = flow
        ? await api.put<FlowSaveResult>(wsPath(slug, 'flows', flow.id), body)
        : await api.post<FlowSaveResult>(wsPath(slug, 'flows'), body);
      setFlow(r.flow);
      setNotice(r.versioned ? t('auto.flow.savedVersion', { v: r.flow.version }) : t('auto.flow.unchanged'));
      if (!flow)
        navigate(`${workspacePath(slug, 'automation', 'flows')}?flow=${encodeURIComponent(r.flow.id)}`, {
          replace: true,
        });
    });

  const act = (action: 'activate' | 'pause') =>
    run(async () => {
      if (!flow) return;
      setFlow(await api.post<Flow>(wsPath(slug, 'flows', flow.id, action)));
    });

  const onStarted = (r: FlowStartResult) => {
    setStarting(false);
    setStarted((n) => n + 1);
    setError(null);
    const { enrolled, already, skipped, touches, unknown, unknownExamples } = r;
    const missing =
      unknown > 0 ? ` ${t('auto.start.unknown', { n: unknown, ids: unknownExamples.join(', ') })}` : '';
    setNotice(t('auto.start.done', { enrolled, already, skipped, touches }) + missing);
  };
  const manual = flow?.status === 'active' && flow.definition.trigger.type === 'manual';

  return (
    <div className="stack" data-testid="flow-editor">
      <div className="editor-bar">
        <button
          type="button"
          className="btn btn-link"
          onClick={() => navigate(workspacePath(slug, 'automation', 'flows'))}
        >
          ← {t('auto.flow.back')}
        </button>
        <h2 className="editor-title">{flow ? flow.name : t('auto.flow.new')}</h2>
        {flow && (
          <span
            className={`badge badge-status-${flow.status}`}
            data-testid="flow-status"
            data-status={flow.status}
          >
            {t(`auto.status.${flow.status}`)} · v{flow.version}
          </span>
        )}
        <span className="topbar-spacer" />
        {writable && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void save()}
              data-testid="flow-save"
            >
              {t('common.save')}
            </button>
            {flow && flow.status !== 'active' && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void act('activate')}
                data-testid="flow-activate"
              >
                {t('auto.flow.activate')}
              </button>
            )}
            {manual && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => setStarting(true)}
                data-testid="flow-start"
              >
                {t('auto.flow.start')}
              </button>
            )}
            {flow?.status === 'active' && (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void act('pause')}
                data-testid="flow-pause"
              >
                {t('auto.flow.pause')}
              </button>
            )}
          </>
        )}
      </div>
      {notice && (
        <p className="banner banner-success" data-testid="flow-notice">
          {notice}
        </p>
      )}
      {error && (issues.size === 0 || !placed) && <ErrorBanner error={error} />}
      {error && issues.size > 0 && (
        <p className="banner banner-error" role="alert" data-testid="flow-issues">
          {t('auto.flow.issues', { n: [...issues.values()].flat().length })}
        </p>
      )}
      <div className="flow-layout">
        <div className="card">
          <TriggerFields draft={draft} groups={groups} issues={issues} onChange={setDraft} />
        </div>
        <div className="card">
          <h3 className="section-title">{t('auto.flow.steps')}</h3>
          <FlowTimeline
            steps={draft.steps}
            scripts={scripts}
            groups={groups}
            issues={issues}
            open={open}
            onOpen={setOpen}
            onChange={(steps) => setDraft({ ...draft, steps })}
            onAdd={(type) => {
              setDraft({ ...draft, steps: [...draft.steps, newStep(type, draft.steps)] });
              setOpen(draft.steps.length);
            }}
          />
        </div>
      </div>
      {flow && <FlowRuns key={started} slug={slug} zone={zone} flow={flow} />}
      {starting && flow && (
        <StartFlowDialog slug={slug} flow={flow} onClose={() => setStarting(false)} onStarted={onStarted} />
      )}
    </div>
  );
}
