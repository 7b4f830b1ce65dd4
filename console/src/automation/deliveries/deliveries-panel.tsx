// The delivery log (触达记录): every touch with its state; held ones say which guardrail held them and
// when they go; unknown and dead ones offer the operator's actions (mark sent, retry, cancel).
import { useCallback, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useApiData } from '../../ui/use-api-data.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import { TOUCH_STATES, type Flow, type Touch } from '../types.js';
import { useTime } from '../use-time.js';
import { actionsFor, type TouchAction } from './touch-actions.js';

type Filters = Record<'state' | 'flowId' | 'contactId' | 'accountId' | 'from' | 'to', string>;
const EMPTY: Filters = { state: '', flowId: '', contactId: '', accountId: '', from: '', to: '' };

/** A date input's day as an ISO instant (start of that day in the browser, or its end for `to`). */
function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

export function DeliveriesPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const time = useTime(workspace.timezone);
  const writable = canWrite(workspace.role);
  const [f, setF] = useState<Filters>(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const flows = useApiData<{ items: Flow[] }>(wsPath(slug, 'flows'));
  const flowName = (id: string | null) =>
    id ? (flows.data?.items.find((x) => x.id === id)?.name ?? id) : '—';

  const qs = new URLSearchParams({ limit: '50' });
  if (f.state) qs.set('state', f.state);
  if (f.flowId) qs.set('flowId', f.flowId);
  if (/^\d+$/.test(f.contactId.trim())) qs.set('contactId', f.contactId.trim());
  if (f.accountId.trim()) qs.set('accountId', f.accountId.trim());
  if (f.from) qs.set('from', dayBound(f.from, false));
  if (f.to) qs.set('to', dayBound(f.to, true));
  const key = qs.toString();
  const load = useCallback(
    (cursor: string | null) => {
      const q = new URLSearchParams(key);
      if (cursor) q.set('cursor', cursor);
      return api.get<CursorPage<Touch>>(`${wsPath(slug, 'touches')}?${q.toString()}`);
    },
    [slug, key],
  );
  const pages = useCursorPages<Touch>(`${slug}?${key}`, load);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const act = async (touch: Touch, action: TouchAction) => {
    setError(null);
    try {
      await api.post(wsPath(slug, 'touches', touch.id, 'actions'), { action });
      pages.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="deliveries-panel">
      <div className="card filters">
        <select
          value={f.state}
          onChange={set('state')}
          aria-label={t('auto.dl.state')}
          data-testid="dl-state"
        >
          <option value="">{t('auto.dl.allStates')}</option>
          {TOUCH_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`auto.touch.${s}`)}
            </option>
          ))}
        </select>
        <select
          value={f.flowId}
          onChange={set('flowId')}
          aria-label={t('auto.dl.flow')}
          data-testid="dl-flow"
        >
          <option value="">{t('auto.dl.allFlows')}</option>
          {(flows.data?.items ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <input
          placeholder={t('auto.dl.contact')}
          value={f.contactId}
          onChange={set('contactId')}
          inputMode="numeric"
        />
        <input placeholder={t('auto.dl.account')} value={f.accountId} onChange={set('accountId')} />
        <label className="small muted">
          {t('auto.dl.from')} <input type="date" value={f.from} onChange={set('from')} />
        </label>
        <label className="small muted">
          {t('auto.dl.to')} <input type="date" value={f.to} onChange={set('to')} />
        </label>
        <button type="button" className="btn btn-small" onClick={pages.reload} data-testid="dl-refresh">
          {t('auto.refresh')}
        </button>
      </div>
      <ErrorBanner error={error ?? pages.error} />
      <div className="card card-flush">
        <div className="table-wrap">
          <table className="table table-touches" data-testid="touches-table">
            <thead>
              <tr>
                <th>{t('auto.dl.due')}</th>
                <th>{t('auto.dl.flow')}</th>
                <th>{t('auto.dl.target')}</th>
                <th>{t('auto.dl.text')}</th>
                <th>{t('auto.dl.state')}</th>
                <th>{t('auto.dl.detail')}</th>
                {writable && <th className="col-actions">{t('members.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {pages.items.map((x) => (
                <tr key={x.id} data-testid="touch-row" data-state={x.state} data-flow={x.flowId ?? ''}>
                  <td className="nowrap">{time(x.sentAt ?? x.dueAt)}</td>
                  <td>
                    {flowName(x.flowId)} <span className="muted small">{x.stepId ?? ''}</span>
                  </td>
                  <td className="small">
                    {t(`auto.kind.${x.kind as 'direct'}`)} · {x.contactId ?? x.groupId ?? '—'}
                    <br />
                    <span className="muted">{x.accountId}</span>
                  </td>
                  <td className="details-cell" title={x.text}>
                    {x.promotion && <span className="badge badge-soon">{t('cnt.scr.promo')}</span>} {x.text}
                  </td>
                  <td>
                    <span className={`badge badge-touch-${x.state}`} data-testid="touch-state">
                      {t(`auto.touch.${x.state}`)}
                    </span>
                  </td>
                  <td className="small">
                    {x.state === 'held' && x.heldReason && (
                      <span data-testid="touch-held">
                        {t('auto.dl.heldBy', { reason: x.heldReason })}
                        {x.heldUntil && ` · ${t('auto.dl.goesAt', { at: time(x.heldUntil) })}`}
                      </span>
                    )}
                    {x.lastError && <span className="field-error">{x.lastError}</span>}
                    {x.attempts > 1 && <span className="muted"> ×{x.attempts}</span>}
                  </td>
                  {writable && (
                    <td className="col-actions nowrap">
                      {actionsFor(x.state).map((a) => (
                        <button
                          key={a}
                          type="button"
                          className="btn btn-small"
                          onClick={() => void act(x, a)}
                        >
                          {t(`auto.dl.action.${a}`)}
                        </button>
                      ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          loading={pages.loading}
          count={pages.items.length}
          hasMore={pages.hasMore}
          onMore={pages.more}
          empty={t('auto.dl.empty')}
          testId="touches-more"
        />
      </div>
    </div>
  );
}
