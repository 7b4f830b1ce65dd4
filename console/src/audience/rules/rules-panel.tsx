import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT, type Translate } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { TagRule, TagRuleApplied } from '../types.js';
import { RuleForm } from './rule-form.js';

/** What a rule waits for, in one line: `order ×3 / 30 d {sku: A}` or the attribute condition. */
function whenText(t: Translate, r: TagRule): string {
  if (r.trigger === 'attribute') return r.condition ?? '';
  const props = r.props && Object.keys(r.props).length > 0 ? ` ${JSON.stringify(r.props)}` : '';
  const window = r.withinDays ? t('aud.rules.withinDays', { n: r.withinDays }) : t('aud.rules.anyTime');
  return `${r.eventType ?? ''}${props} ${t('aud.rules.times', { n: r.minCount })} ${window}`;
}

/** Auto-tag rules: list, create, enable/disable (enabling applies the rule to everyone now), delete. */
export function RulesPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const list = useApiData<{ items: TagRule[] }>(wsPath(slug, 'tag-rules'));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (rule: TagRule, run: () => Promise<TagRuleApplied | void>) => {
    setBusyId(rule.id);
    setError(null);
    setNotice(null);
    try {
      const r = await run();
      if (r && r.rule.enabled) setNotice(t('aud.rules.applied', { name: r.rule.name, n: r.applied }));
      list.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusyId(null);
    }
  };
  const toggle = (r: TagRule) =>
    act(r, () => api.post<TagRuleApplied>(wsPath(slug, 'tag-rules', r.id, r.enabled ? 'disable' : 'enable')));
  const remove = (r: TagRule) => act(r, () => api.del(wsPath(slug, 'tag-rules', r.id)));

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="rules-panel">
      {writable && (
        <RuleForm
          slug={slug}
          onCreated={(r) => {
            setNotice(t('aud.rules.applied', { name: r.rule.name, n: r.applied }));
            list.reload();
          }}
        />
      )}
      {notice && (
        <p className="banner banner-success" data-testid="rules-notice">
          {notice}
        </p>
      )}
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <ErrorBanner error={error} />
        <div className="table-wrap">
          <table className="table" data-testid="rules-table">
            <thead>
              <tr>
                <th>{t('aud.rules.name')}</th>
                <th>{t('aud.rules.trigger')}</th>
                <th>{t('aud.rules.when')}</th>
                <th>{t('aud.rules.then')}</th>
                <th>{t('aud.rules.status')}</th>
                {writable && <th className="col-actions">{t('members.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-testid="rule-row" data-name={r.name}>
                  <td>{r.name}</td>
                  <td>{t(`aud.rules.trigger.${r.trigger}`)}</td>
                  <td className="details-cell">
                    <code title={whenText(t, r)}>{whenText(t, r)}</code>
                  </td>
                  <td>
                    {t(`aud.rules.action.${r.action}`)} <span className="chip">{r.tag}</span>
                  </td>
                  <td>
                    <span
                      className={r.enabled ? 'badge badge-ok' : 'badge badge-muted'}
                      data-testid="rule-status"
                    >
                      {r.enabled ? t('aud.rules.enabled') : t('aud.rules.disabled')}
                    </span>
                  </td>
                  {writable && (
                    <td className="col-actions nowrap">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busyId === r.id}
                        onClick={() => void toggle(r)}
                        data-testid="rule-toggle"
                      >
                        {r.enabled ? t('aud.rules.disable') : t('aud.rules.enable')}
                      </button>{' '}
                      <ConfirmButton
                        label={t('aud.delete')}
                        confirmLabel={t('aud.confirmDelete')}
                        disabled={busyId === r.id}
                        onConfirm={() => void remove(r)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.loading && <p className="muted card-note">{t('common.loading')}</p>}
        {!list.loading && !list.error && items.length === 0 && (
          <p className="muted card-note">{t('aud.rules.none')}</p>
        )}
      </div>
    </div>
  );
}
