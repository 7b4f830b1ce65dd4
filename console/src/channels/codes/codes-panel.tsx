// Acquisition codes (渠道活码) per KOC and scene: create, list with their QR (PNG / SVG download),
// per-code stats, rotate a group code to its next group by hand, and disable (archive: the code
// attributes no new fans; its fans stay attributed).
import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { AcquisitionCode, ChannelAccounts, KocRef, ScriptRef } from '../types.js';
import { CodeForm } from './code-form.js';
import { CodeStatsView } from './code-stats.js';

export function CodesPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const write = canWrite(workspace.role);
  const codes = useApiData<{ items: AcquisitionCode[] }>(wsPath(slug, 'acquisition', 'codes'));
  const accounts = useApiData<ChannelAccounts>(wsPath(slug, 'channels', 'accounts'));
  const kocs = useApiData<{ items: KocRef[] }>(`${wsPath(slug, 'kocs')}?limit=500`);
  const scripts = useApiData<{ items: ScriptRef[] }>(`${wsPath(slug, 'scripts')}?limit=500`);
  const [open, setOpen] = useState<string | null>(null);
  // Bumped by a rotation so the open stats are read again.
  const [rotations, setRotations] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const kocName = (id: string | null) => (id ? (kocs.data?.items.find((k) => k.id === id)?.name ?? id) : '—');
  const qr = (c: AcquisitionCode, format: 'png' | 'svg') =>
    wsPath(slug, 'acquisition', 'codes', c.id, `qr.${format}`);

  const archive = async (c: AcquisitionCode) => {
    setError(null);
    try {
      await api.post(wsPath(slug, 'acquisition', 'codes', c.id, 'archive'));
      codes.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const rotate = async (c: AcquisitionCode) => {
    setError(null);
    try {
      await api.post(wsPath(slug, 'acquisition', 'codes', c.id, 'rotate'));
      setRotations((n) => n + 1);
      setOpen(c.id);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="codes-panel">
      {write && (
        <CodeForm
          slug={slug}
          accounts={accounts.data?.accounts ?? []}
          kocs={kocs.data?.items ?? []}
          scripts={scripts.data?.items ?? []}
          onCreated={codes.reload}
        />
      )}
      <ErrorBanner error={error ?? codes.error} onRetry={codes.reload} />
      <section className="card card-flush">
        <div className="table-wrap">
          <table className="table" data-testid="codes-table">
            <thead>
              <tr>
                <th>{t('ch.code.qr')}</th>
                <th>{t('ch.code.name')}</th>
                <th>{t('ch.code.scene')}</th>
                <th>{t('ch.code.koc')}</th>
                <th>{t('ch.code.kind')}</th>
                <th>{t('ch.code.status')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {(codes.data?.items ?? []).map((c) => (
                <CodeRows
                  key={c.id}
                  code={c}
                  open={open === c.id}
                  kocName={kocName(c.kocId)}
                  slug={slug}
                  qrPng={qr(c, 'png')}
                  qrSvg={qr(c, 'svg')}
                  rotations={rotations}
                  onToggle={() => setOpen(open === c.id ? null : c.id)}
                  onRotate={
                    write && c.kind === 'group' && c.status === 'active' ? () => void rotate(c) : null
                  }
                  onArchive={write && c.status === 'active' ? () => void archive(c) : null}
                />
              ))}
            </tbody>
          </table>
        </div>
        {!codes.loading && (codes.data?.items.length ?? 0) === 0 && (
          <p className="muted ch-empty">{t('ch.code.empty')}</p>
        )}
      </section>
    </div>
  );
}

interface RowProps {
  code: AcquisitionCode;
  open: boolean;
  kocName: string;
  slug: string;
  qrPng: string;
  qrSvg: string;
  rotations: number;
  onToggle: () => void;
  onRotate: (() => void) | null;
  onArchive: (() => void) | null;
}

function CodeRows(props: RowProps) {
  const { code: c, open, kocName, slug, qrPng, qrSvg, rotations, onToggle, onRotate, onArchive } = props;
  const t = useT();
  return (
    <>
      <tr data-testid="code-row" data-name={c.name} data-status={c.status}>
        <td>
          <img
            src={qrPng}
            alt={t('ch.code.qrAlt', { name: c.name })}
            className="ch-qr-thumb"
            data-testid="code-qr"
          />
        </td>
        <td>
          {c.name}
          <div className="small muted">
            <code>{c.token}</code>
          </div>
        </td>
        <td>{t(`ch.scene.${c.scene}`)}</td>
        <td>{kocName}</td>
        <td>{t(`ch.code.kind.${c.kind}`)}</td>
        <td>
          <span className={c.status === 'active' ? 'badge badge-ok' : 'badge badge-muted'}>
            {t(c.status === 'active' ? 'ch.code.active' : 'ch.code.archived')}
          </span>
        </td>
        <td className="col-actions nowrap">
          <a
            className="btn btn-small"
            href={qrPng}
            download={`${c.name}.png`}
            data-testid="code-download-png"
          >
            PNG
          </a>{' '}
          <a
            className="btn btn-small"
            href={qrSvg}
            download={`${c.name}.svg`}
            data-testid="code-download-svg"
          >
            SVG
          </a>{' '}
          <button type="button" className="btn btn-small" onClick={onToggle} data-testid="code-stats-toggle">
            {open ? t('ch.code.hideStats') : t('ch.code.stats')}
          </button>{' '}
          {onRotate && (
            <>
              <button type="button" className="btn btn-small" onClick={onRotate} data-testid="code-rotate">
                {t('ch.code.rotate')}
              </button>{' '}
            </>
          )}
          {onArchive && (
            <ConfirmButton
              label={t('ch.code.disable')}
              confirmLabel={t('ch.code.confirmDisable')}
              onConfirm={onArchive}
              testId="code-disable"
            />
          )}
        </td>
      </tr>
      {open && (
        <tr className="details">
          <td colSpan={7} className="details-cell">
            <CodeStatsView key={rotations} slug={slug} code={c} />
          </td>
        </tr>
      )}
    </>
  );
}
