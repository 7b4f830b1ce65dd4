// The fields of one step, by its type; each shows the server's message for its own path.
import type { ComponentProps } from 'react';
import { useT, type MessageKey } from '../../i18n/index.js';
import { Field } from '../../ui/field.js';
import type { Script } from '../../content/types.js';
import type { Step } from '../types.js';
import { issuesAt } from './flow-draft.js';
import { GroupPicker, type GroupList } from './group-picker.js';

interface Props {
  step: Step;
  index: number;
  scripts: Script[];
  groups: GroupList;
  issues: Map<string, string[]>;
  onChange: (s: Step) => void;
}

const list = (text: string) =>
  text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function StepFields({ step, index, scripts, groups, issues, onChange }: Props) {
  const t = useT();
  const set = (patch: Partial<Step>) => onChange({ ...step, ...patch });
  const field = (
    name: string,
    label: MessageKey,
    control: ComponentProps<typeof Field>['children'],
    hint?: string,
  ) => (
    <Field
      key={name}
      label={t(label)}
      hint={hint}
      error={issuesAt(issues, `steps.${index}.${name}`, true)[0]}
    >
      {control}
    </Field>
  );
  const text = (name: keyof Step, testId?: string) => (
    <input
      value={(step[name] as string | undefined) ?? ''}
      onChange={(e) => set({ [name]: e.target.value } as Partial<Step>)}
      data-testid={testId}
    />
  );
  const content = [
    field(
      'script',
      'auto.step.script',
      <select
        value={step.script ?? ''}
        onChange={(e) => set({ script: e.target.value })}
        data-testid="step-script"
      >
        <option value="">{t('auto.step.noScript')}</option>
        {scripts.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>,
    ),
    field(
      'text',
      'auto.step.text',
      <textarea
        rows={2}
        value={step.text ?? ''}
        onChange={(e) => set({ text: e.target.value })}
        data-testid="step-text"
      />,
      t('auto.step.textHint'),
    ),
  ];

  return (
    <div className="form step-fields">
      <div className="grid-2">
        {field('id', 'auto.step.id', text('id', 'step-id'))}
        {field('at', 'auto.step.at', text('at', 'step-at'), t('auto.step.atHint'))}
      </div>
      {step.type === 'send' && [...content, field('account', 'auto.flow.account', text('account'))]}
      {step.type === 'group' && [
        field(
          'group',
          'auto.step.group',
          <GroupPicker
            groups={groups}
            value={step.group}
            onChange={(group) => set({ group })}
            empty={t('auto.group.choose')}
            testId="step-group"
          />,
        ),
        ...content,
      ]}
      {step.type === 'moment' && [
        ...content,
        field('material', 'auto.step.material', text('material')),
        field('account', 'auto.flow.account', text('account')),
      ]}
      {step.type === 'tag' && (
        <div className="grid-2">
          {field(
            'add',
            'auto.step.tagAdd',
            <input
              value={(step.add ?? []).join(', ')}
              onChange={(e) => set({ add: list(e.target.value) })}
            />,
          )}
          {field(
            'remove',
            'auto.step.tagRemove',
            <input
              value={(step.remove ?? []).join(', ')}
              onChange={(e) => set({ remove: list(e.target.value) })}
            />,
          )}
        </div>
      )}
      {step.type === 'wait' && (
        <>
          {field('until', 'auto.step.until', text('until'), t('auto.step.atHint'))}
          <div className="grid-2">
            {field(
              'event',
              'auto.step.waitEvent',
              <input
                value={step.event?.type ?? ''}
                onChange={(e) => set({ event: e.target.value ? { type: e.target.value } : undefined })}
              />,
            )}
            {field('timeout', 'auto.step.timeout', text('timeout'), t('auto.step.durationHint'))}
          </div>
          {field('onTimeout', 'auto.step.onTimeout', text('onTimeout'))}
        </>
      )}
      {step.type === 'branch' && (
        <>
          {field('if', 'auto.step.if', text('if'), t('auto.flow.audienceHint'))}
          <div className="grid-2">
            {field(
              'ifEvent',
              'auto.step.ifEvent',
              <input
                value={step.ifEvent?.type ?? ''}
                onChange={(e) =>
                  set({
                    ifEvent: e.target.value
                      ? { ...step.ifEvent, within: step.ifEvent?.within ?? '1d', type: e.target.value }
                      : undefined,
                  })
                }
              />,
            )}
            {field(
              'ifEvent.within',
              'auto.step.within',
              <input
                value={step.ifEvent?.within ?? ''}
                disabled={!step.ifEvent}
                onChange={(e) =>
                  step.ifEvent && set({ ifEvent: { ...step.ifEvent, within: e.target.value } })
                }
              />,
              t('auto.step.durationHint'),
            )}
          </div>
          <div className="grid-2">
            {field('then', 'auto.step.then', text('then'), t('auto.step.jumpHint'))}
            {field('else', 'auto.step.else', text('else'), t('auto.step.jumpHint'))}
          </div>
        </>
      )}
      {step.type === 'task' && (
        <>
          {field('title', 'auto.step.title', text('title', 'step-title'))}
          <div className="grid-2">
            {field('assignee', 'auto.step.assignee', text('assignee'))}
            {field('due', 'auto.step.due', text('due'), t('auto.step.durationHint'))}
          </div>
        </>
      )}
    </div>
  );
}
