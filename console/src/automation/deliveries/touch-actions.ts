// Which operator actions a touch in each state allows (mirrors the server's state machine, which decides).
import type { TouchState } from '../types.js';

export type TouchAction = 'mark_sent' | 'retry' | 'cancel';

const ALLOWED: Record<TouchAction, readonly TouchState[]> = {
  mark_sent: ['unknown', 'dead'],
  retry: ['unknown', 'dead', 'held', 'failed'],
  cancel: ['planned', 'held', 'failed', 'unknown', 'dead'],
};

export function actionsFor(state: TouchState): TouchAction[] {
  return (Object.keys(ALLOWED) as TouchAction[]).filter((a) => ALLOWED[a].includes(state));
}
