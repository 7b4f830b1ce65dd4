// Virtual fans: how one fan reacts to one received touch. Deterministic for a seed and a touch (the
// PRNG is seeded from both), and shaped by the hour of day in the workspace's time zone (fans are
// asleep at night and busiest in the evening).
import type { SimSettings } from './sim-settings.js';

export interface FanReaction {
  type: 'read' | 'click' | 'share' | 'message' | 'leave_group';
  /** After the touch arrived. */
  delayMs: number;
  text?: string;
}

const REPLIES = ['好的，收到', '谢谢！', '多少钱？', '怎么买？', '有优惠吗', '已下单'];

/** mulberry32 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** How active fans are at a local hour (1 = daytime). */
export function activityAt(hour: number): number {
  if (hour < 7) return 0.15;
  if (hour < 9) return 0.7;
  if (hour >= 19 && hour < 23) return 1.4;
  return 1;
}

export function reactToTouch(
  settings: SimSettings,
  key: string,
  /** The fan's local hour when the touch arrived. */
  hour: number,
  inGroup: boolean,
): FanReaction[] {
  const random = seededRandom(hashSeed(settings.seed, key));
  const boost = activityAt(hour);
  const chance = (p: number) => random() < Math.min(1, p * boost);
  // Late fans read later: the delay stretches when activity is low.
  const delay = (maxMinutes: number) => Math.round((random() * maxMinutes * 60_000) / boost);
  const f = settings.fans;
  const out: FanReaction[] = [];
  if (!chance(f.read)) return out;
  const readAfter = delay(120);
  out.push({ type: 'read', delayMs: readAfter });
  if (chance(f.click)) out.push({ type: 'click', delayMs: readAfter + delay(10) });
  if (chance(f.share)) out.push({ type: 'share', delayMs: readAfter + delay(30) });
  if (chance(f.reply)) {
    const optOut = random() < f.optOut;
    const text = optOut ? 'TD' : REPLIES[Math.floor(random() * REPLIES.length)]!;
    out.push({ type: 'message', delayMs: readAfter + delay(20), text });
  }
  if (inGroup && random() < f.leaveGroup) out.push({ type: 'leave_group', delayMs: readAfter + delay(60) });
  return out;
}
