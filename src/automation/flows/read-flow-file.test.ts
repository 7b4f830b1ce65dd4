import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { formatPath, readFlowFile } from './read-flow-file.js';

function issues(text: string) {
  try {
    readFlowFile(text, 'f.yaml');
  } catch (e) {
    if (isAppError(e))
      return (e.details as { issues: { path: string; message: string; line: number | null }[] }).issues;
    throw e;
  }
  return [];
}

describe('flow files', () => {
  it('formats paths like steps[2].at', () => {
    expect(formatPath(['steps', 2, 'at'])).toBe('steps[2].at');
    expect(formatPath([0, 'trigger', 'type'])).toBe('[0].trigger.type');
  });

  it('reads YAML streams and JSON arrays with defaults', () => {
    const yaml =
      'name: a\ntrigger: {type: friend_added}\nsteps: [{id: s, type: send, text: hi}]\n---\nname: b\ntrigger: {type: manual}\nsteps: [{id: t, type: tag, add: [x]}]\n';
    expect(readFlowFile(yaml).map((f) => [f.name, f.status, f.reentry])).toEqual([
      ['a', 'draft', 'never'],
      ['b', 'draft', 'never'],
    ]);
    const json = JSON.stringify([
      {
        name: 'c',
        trigger: { type: 'event', event: 'tier_changed', props: { to: 'gold' } },
        steps: [{ id: 'x', type: 'task', title: 'call' }],
      },
    ]);
    expect(readFlowFile(json)[0]!.steps[0]).toMatchObject({ type: 'task', due: '1d' });
  });

  it('names the path and line of each bad field', () => {
    const text = [
      'name: w',
      'trigger: {type: friend_added}',
      'audience: "tag:vip and"',
      'steps:',
      '  - {id: a, type: send, text: hi}',
      '  - id: b',
      '    type: branch',
      '    if: did message within 1d',
      '    then: nowhere',
      '  - id: c',
      '    type: send',
      '    at: tomorrow',
      '    text: x',
      '  - {id: a, type: wait, event: {type: click}}',
    ].join('\n');
    const found = issues(text);
    const byPath = new Map(found.map((i) => [i.path, i]));
    expect(byPath.get('audience')?.line).toBe(3);
    expect(byPath.get('steps[1].then')).toMatchObject({
      line: 9,
      message: 'no step has id "nowhere" (or use "next" / "end")',
    });
    expect(byPath.get('steps[2].at')).toMatchObject({
      line: 12,
      message: 'expected "day N at HH:MM" or "day N +M min" (or "YYYY-MM-DD HH:MM")',
    });
    expect(byPath.get('steps[3].id')?.message).toBe('duplicate step id "a"');
    expect(byPath.get('steps[3].timeout')?.message).toBe('waiting for an event needs a timeout');
  });

  it('reports syntax errors and unknown trigger types with lines', () => {
    expect(issues('name: [unclosed\n')[0]).toMatchObject({ path: '(syntax)' });
    expect(
      issues('name: x\ntrigger:\n  type: sometimes\nsteps: [{id: s, type: send, text: hi}]\n')[0],
    ).toMatchObject({ path: 'trigger.type', line: 3 });
  });
});
