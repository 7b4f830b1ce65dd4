// The touch state machine: which moves are allowed, by whom. Dispatch moves touches through it; operators
// may only resolve touches that need a person (unknown, dead, held, failed, planned).
import type { TouchState } from './dispatch-tables.js';

const transitions: Record<TouchState, readonly TouchState[]> = {
  planned: ['sending', 'cancelled'],
  held: ['sending', 'cancelled', 'planned'],
  failed: ['sending', 'cancelled', 'planned'],
  sending: ['sent', 'awaiting_confirmation', 'failed', 'dead', 'held', 'cancelled', 'unknown', 'planned'],
  unknown: ['sent', 'awaiting_confirmation', 'planned', 'cancelled', 'dead'],
  awaiting_confirmation: ['sent', 'failed', 'dead', 'cancelled'],
  dead: ['planned', 'cancelled', 'sent'],
  sent: [],
  cancelled: [],
};

export function canMove(from: TouchState, to: TouchState): boolean {
  return transitions[from].includes(to);
}

export type OperatorAction = 'mark_sent' | 'cancel' | 'retry';

/** The state an operator action leads to from `from`, or null when it is not allowed there. */
export function operatorTarget(from: TouchState, action: OperatorAction): TouchState | null {
  const allowedFrom: Record<OperatorAction, readonly TouchState[]> = {
    // Only a person can say a touch of unknown fate was in fact delivered (or a dead one sent by hand).
    mark_sent: ['unknown', 'dead'],
    cancel: ['planned', 'held', 'failed', 'unknown', 'dead'],
    // Retrying an unknown touch may send it twice: the operator takes that decision knowingly.
    retry: ['unknown', 'dead', 'held', 'failed'],
  };
  if (!allowedFrom[action].includes(from)) return null;
  const to: TouchState = action === 'mark_sent' ? 'sent' : action === 'cancel' ? 'cancelled' : 'planned';
  return canMove(from, to) ? to : null;
}
