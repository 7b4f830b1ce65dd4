// One injectable clock: production reads the system time; the simulator and tests run on virtual time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class VirtualClock implements Clock {
  private ms: number;

  constructor(start: Date | string | number = Date.UTC(2026, 0, 1)) {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(to: Date | string | number): void {
    this.ms = new Date(to).getTime();
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a virtual clock only moves forward');
    this.ms += ms;
  }
}
