// The flow's steps on a vertical timeline, grouped by day ("day 0", "day 1 at 20:00" …): a card per
// step with its time, type and what it does; the open card shows its fields. Issues the server found
// in a step are marked on its card.
import { useT, type Translate } from '../../i18n/index.js';
import type { Script } from '../../content/types.js';
import { STEP_TYPES, type Step, type StepType } from '../types.js';
import { issuesAt, timelineGroups, whenOf, type When } from './flow-draft.js';
import type { GroupList } from './group-picker.js';
import { StepFields } from './step-fields.js';

const ICONS: Record<StepType, string> = {
  send: '✉',
  group: '★',
  moment: '◎',
  tag: '#',
  wait: '…',
  branch: '◇',
  task: '√',
};

function dayLabel(t: Translate, when: When | null): string {
  if (!when || when.kind === 'after') return t('auto.tl.start');
  if (when.kind === 'date') return when.date;
  return when.day === 0 ? t('auto.tl.day0') : t('auto.tl.day', { n: when.day });
}

function timeLabel(t: Translate, step: Step): string {
  const w = whenOf(step);
  if (w.kind === 'date') return w.time;
  if (w.kind === 'after') return step.at ? step.at : t('auto.tl.then');
  if (w.time) return w.time;
  return w.plusMinutes ? t('auto.tl.plus', { n: w.plusMinutes }) : t('auto.tl.atOnce');
}

function summary(t: Translate, s: Step, scripts: Script[], groups: GroupList): string {
  const content = s.script
    ? `「${scripts.find((x) => x.id === s.script)?.name ?? s.script}」`
    : (s.text ?? '');
  switch (s.type) {
    case 'send':
    case 'moment':
      return content;
    case 'group':
      return `${groups.items.find((g) => g.id === s.group)?.name ?? s.group ?? ''} · ${content}`;
    case 'tag':
      return [...(s.add ?? []).map((x) => `+${x}`), ...(s.remove ?? []).map((x) => `−${x}`)].join(' ');
    case 'wait':
      return s.event
        ? t('auto.tl.waitEvent', { type: s.event.type, timeout: s.timeout ?? '' })
        : (s.until ?? '');
    case 'branch':
      return `${s.if ?? (s.ifEvent ? t('auto.tl.ifEvent', { type: s.ifEvent.type, within: s.ifEvent.within }) : '')} → ${s.then ?? 'next'} / ${s.else ?? 'next'}`;
    case 'task':
      return s.title ?? '';
  }
}

interface Props {
  steps: Step[];
  scripts: Script[];
  groups: GroupList;
  issues: Map<string, string[]>;
  open: number | null;
  onOpen: (i: number | null) => void;
  onChange: (steps: Step[]) => void;
  onAdd: (type: StepType) => void;
}

export function FlowTimeline({ steps, scripts, groups, issues, open, onOpen, onChange, onAdd }: Props) {
  const t = useT();
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    onChange(next);
    onOpen(i + by);
  };
  return (
    <div className="flow-timeline" data-testid="flow-timeline">
      {timelineGroups(steps).map((g) => (
        <section key={`${g.key}-${g.steps[0]!.index}`} className="tl-day" data-testid="timeline-day">
          <h3 className="tl-day-label">{dayLabel(t, g.when)}</h3>
          <ol className="tl-steps">
            {g.steps.map(({ step, index }) => {
              const problems = issuesAt(issues, `steps.${index}`, true);
              const isOpen = open === index;
              return (
                <li
                  key={index}
                  className={`tl-step tl-step-${step.type}${problems.length ? ' tl-step-invalid' : ''}${isOpen ? ' tl-step-open' : ''}`}
                  data-testid="step-card"
                  data-step-id={step.id}
                  data-step-type={step.type}
                >
                  <span className="tl-dot" aria-hidden="true">
                    {ICONS[step.type]}
                  </span>
                  <div className="tl-card">
                    <button
                      type="button"
                      className="tl-card-head"
                      onClick={() => onOpen(isOpen ? null : index)}
                    >
                      <span className="tl-time">{timeLabel(t, step)}</span>
                      <strong>{t(`auto.step.type.${step.type}`)}</strong>
                      <span className="muted small">{step.id}</span>
                      <span className="tl-summary clip">{summary(t, step, scripts, groups)}</span>
                    </button>
                    {problems.length > 0 && (
                      <p className="field-error" data-testid="step-error">
                        {problems.join('；')}
                      </p>
                    )}
                    {isOpen && (
                      <>
                        <StepFields
                          step={step}
                          index={index}
                          scripts={scripts}
                          groups={groups}
                          issues={issues}
                          onChange={(s) => onChange(steps.map((x, i) => (i === index ? s : x)))}
                        />
                        <div className="form-actions tl-actions">
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={index === 0}
                            onClick={() => move(index, -1)}
                          >
                            {t('auto.tl.up')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={index === steps.length - 1}
                            onClick={() => move(index, 1)}
                          >
                            {t('auto.tl.down')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small btn-ghost-danger"
                            onClick={() => {
                              onChange(steps.filter((_, i) => i !== index));
                              onOpen(null);
                            }}
                          >
                            {t('auto.tl.remove')}
                          </button>
                        </div>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {steps.length === 0 && <p className="muted">{t('auto.tl.empty')}</p>}
      <div className="tl-add" aria-label={t('auto.tl.add')}>
        <span className="muted small">{t('auto.tl.add')}</span>
        {STEP_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="btn btn-small"
            onClick={() => onAdd(type)}
            data-testid={`add-step-${type}`}
          >
            {ICONS[type]} {t(`auto.step.type.${type}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
