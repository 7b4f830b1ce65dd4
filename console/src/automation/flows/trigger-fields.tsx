// The flow's trigger (what enrols a contact) and its audience, community, robot account and re-entry.
import { useT } from '../../i18n/index.js';
import { Field } from '../../ui/field.js';
import { TRIGGER_TYPES, type FlowDefinition, type Trigger, type TriggerType } from '../types.js';
import { issuesAt } from './flow-draft.js';
import { GroupPicker, type GroupList } from './group-picker.js';

interface Props {
  draft: FlowDefinition;
  groups: GroupList;
  issues: Map<string, string[]>;
  onChange: (d: FlowDefinition) => void;
}

const first = (m: string[]) => m[0];

export function TriggerFields({ draft, groups, issues, onChange }: Props) {
  const t = useT();
  const trig = draft.trigger;
  const setTrigger = (patch: Partial<Trigger>) => onChange({ ...draft, trigger: { ...trig, ...patch } });
  const changeType = (type: TriggerType) => onChange({ ...draft, trigger: { type } });
  const reentry = typeof draft.reentry === 'object' ? 'afterDays' : (draft.reentry ?? 'never');
  const err = (path: string) => first(issuesAt(issues, path, true));

  return (
    <div className="form" data-testid="trigger-fields">
      <Field label={t('auto.flow.name')} error={err('name')}>
        <input
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          data-testid="flow-name"
        />
      </Field>
      <Field label={t('auto.trigger.type')} error={first(issuesAt(issues, 'trigger'))}>
        <select
          value={trig.type}
          onChange={(e) => changeType(e.target.value as TriggerType)}
          data-testid="trigger-type"
        >
          {TRIGGER_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`auto.trigger.${x}`)}
            </option>
          ))}
        </select>
      </Field>
      {trig.type === 'event' && (
        <Field
          label={t('auto.trigger.event')}
          hint={t('auto.trigger.eventHint')}
          error={err('trigger.event')}
        >
          <input
            value={trig.event ?? ''}
            onChange={(e) => setTrigger({ event: e.target.value })}
            data-testid="trigger-event"
          />
        </Field>
      )}
      {(trig.type === 'joined_group' || trig.type === 'left_group') && (
        <Field label={t('auto.trigger.group')} hint={t('common.optional')} error={err('trigger.group')}>
          <GroupPicker
            groups={groups}
            value={trig.group}
            onChange={(group) => setTrigger({ group: group || undefined })}
            empty={t('auto.group.any')}
            testId="trigger-group"
          />
        </Field>
      )}
      {(trig.type === 'tag_added' || trig.type === 'tag_removed') && (
        <Field label={t('auto.trigger.tag')} error={err('trigger.tag')}>
          <input
            value={trig.tag ?? ''}
            onChange={(e) => setTrigger({ tag: e.target.value })}
            data-testid="trigger-tag"
          />
        </Field>
      )}
      {trig.type === 'date' && (
        <Field label={t('auto.trigger.at')} hint={t('auto.trigger.atHint')} error={err('trigger.at')}>
          <input
            value={trig.at ?? ''}
            onChange={(e) => setTrigger({ at: e.target.value })}
            data-testid="trigger-at"
          />
        </Field>
      )}
      {trig.type === 'cron' && (
        <Field label={t('auto.trigger.cron')} hint={t('auto.trigger.cronHint')} error={err('trigger.cron')}>
          <input
            value={trig.cron ?? ''}
            onChange={(e) => setTrigger({ cron: e.target.value })}
            data-testid="trigger-cron"
          />
        </Field>
      )}
      <Field label={t('auto.flow.audience')} hint={t('auto.flow.audienceHint')} error={err('audience')}>
        <input
          value={draft.audience ?? ''}
          onChange={(e) => onChange({ ...draft, audience: e.target.value })}
          data-testid="flow-audience"
        />
      </Field>
      <div className="grid-2">
        <Field label={t('auto.flow.account')} hint={t('auto.flow.accountHint')} error={err('account')}>
          <input
            value={draft.account ?? ''}
            onChange={(e) => onChange({ ...draft, account: e.target.value })}
            data-testid="flow-account"
          />
        </Field>
        <Field label={t('auto.flow.community')} hint={t('common.optional')} error={err('community')}>
          <GroupPicker
            groups={groups}
            value={draft.community}
            onChange={(community) => onChange({ ...draft, community })}
            empty={t('auto.group.none')}
            testId="flow-community"
          />
        </Field>
      </div>
      <Field label={t('auto.flow.reentry')} error={err('reentry')}>
        <select
          value={reentry}
          onChange={(e) => {
            const v = e.target.value;
            onChange({
              ...draft,
              reentry: v === 'afterDays' ? { afterDays: 30 } : (v as 'never' | 'always'),
            });
          }}
        >
          <option value="never">{t('auto.reentry.never')}</option>
          <option value="always">{t('auto.reentry.always')}</option>
          <option value="afterDays">{t('auto.reentry.afterDays')}</option>
        </select>
      </Field>
      {typeof draft.reentry === 'object' && (
        <Field label={t('auto.reentry.days')} error={err('reentry.afterDays')}>
          <input
            type="number"
            min={1}
            value={draft.reentry.afterDays}
            onChange={(e) => onChange({ ...draft, reentry: { afterDays: Number(e.target.value) } })}
          />
        </Field>
      )}
    </div>
  );
}
