// A small crash run in the suite: a child `guimi worker` (tsx) is SIGKILLed at random moments several
// times and restarted; every touch must reach the simulator exactly once.
import { describe, expect, it } from 'vitest';
import { crashRun } from '../../../bench/crash.js';

describe('dispatch survives SIGKILL', () => {
  it('sends every touch exactly once across 4 kills', { timeout: 180_000 }, async () => {
    const r = await crashRun({ touches: 3000, kills: 4, seed: 7, maxMs: 120_000 });
    expect(r.kills).toBe(4);
    expect(r.duplicates).toBe(0);
    expect(r.lost).toBe(0);
  });
});
