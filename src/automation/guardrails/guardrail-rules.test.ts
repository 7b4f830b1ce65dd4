import { describe, expect, it } from 'vitest';
import { operatorTarget, canMove } from '../dispatch/touch-states.js';
import { backoffDelay } from '../../platform/jobs/job.js';
import { daysInLocalMonth, nextLocalMidnight, nextLocalMonth, quietHoursEnd } from './local-time.js';
import { optOutWord } from './record-opt-outs.js';

const words = ['退订', 'TD', 'td', 'unsubscribe'];

describe('quiet hours and local calendar', () => {
  it('holds until 08:00 local across midnight and not during the day', () => {
    // 23:30 and 01:00 in Shanghai → 08:00 the next local morning.
    expect(
      quietHoursEnd(new Date('2026-11-23T15:30:00Z'), 'Asia/Shanghai', '22:00', '08:00')?.toISOString(),
    ).toBe('2026-11-24T00:00:00.000Z');
    expect(
      quietHoursEnd(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai', '22:00', '08:00')?.toISOString(),
    ).toBe('2026-11-24T00:00:00.000Z');
    expect(quietHoursEnd(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai', '22:00', '08:00')).toBeNull();
    expect(quietHoursEnd(new Date('2026-11-23T13:30:00Z'), 'Asia/Shanghai', '12:00', '14:00')).toBeNull();
  });
  it('knows local midnights, month ends and month lengths', () => {
    const at = new Date('2026-02-10T20:00:00Z'); // Feb 11 04:00 in Shanghai
    expect(nextLocalMidnight(at, 'Asia/Shanghai').toISOString()).toBe('2026-02-11T16:00:00.000Z');
    expect(nextLocalMonth(at, 'Asia/Shanghai').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(daysInLocalMonth(at, 'Asia/Shanghai')).toBe(28);
    expect(daysInLocalMonth(new Date('2026-01-31T20:00:00Z'), 'Asia/Shanghai')).toBe(28);
    expect(daysInLocalMonth(new Date('2026-01-31T20:00:00Z'), 'UTC')).toBe(31);
  });
});

describe('opt-out words', () => {
  it('matches whole short words and contained CJK or long words', () => {
    expect(optOutWord(' TD ', words)).toBe('TD');
    expect(optOutWord('td', words)).toBe('td');
    expect(optOutWord('请帮我退订，谢谢', words)).toBe('退订');
    expect(optOutWord('Please UNSUBSCRIBE me', words)).toBe('unsubscribe');
    expect(optOutWord('TDK 耳机多少钱', words)).toBeNull();
    expect(optOutWord('好的', words)).toBeNull();
  });
});

describe('touch state machine', () => {
  it('allows operator actions only where a person is needed', () => {
    expect(operatorTarget('unknown', 'mark_sent')).toBe('sent');
    expect(operatorTarget('dead', 'retry')).toBe('planned');
    expect(operatorTarget('held', 'cancel')).toBe('cancelled');
    expect(operatorTarget('sent', 'retry')).toBeNull();
    expect(operatorTarget('sending', 'cancel')).toBeNull();
    expect(operatorTarget('planned', 'mark_sent')).toBeNull();
    expect(canMove('sent', 'planned')).toBe(false);
    expect(canMove('sending', 'unknown')).toBe(true);
  });
});

describe('backoff', () => {
  it('doubles per attempt within ±25% jitter and caps', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(3000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(5000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(60_000);
  });
});
