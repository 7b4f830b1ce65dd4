// The script body echoed with marks where the server pointed: a template syntax error (one character)
// or sensitive words (their whole length). Positions are 1-based and in characters, not UTF-16 units.
import type { ReactNode } from 'react';
import type { SensitiveHit } from '../types.js';

export interface Mark {
  /** 1-based character position. */
  position: number;
  length: number;
  kind: 'error' | 'block' | 'warn';
  title: string;
}

export function marksOf(hits: SensitiveHit[]): Mark[] {
  return hits.map((h) => ({
    position: h.position,
    length: [...h.word].length,
    kind: h.level === 'block' ? 'block' : 'warn',
    title: h.word,
  }));
}

/** The UTF-16 offset of 1-based character `position`, for selecting it in the textarea. */
export function offsetOf(text: string, position: number): number {
  return [...text].slice(0, Math.max(0, position - 1)).join('').length;
}

export function BodyMarks({ body, marks }: { body: string; marks: Mark[] }) {
  const chars = [...body];
  const sorted = [...marks].sort((a, b) => a.position - b.position);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of sorted.entries()) {
    const start = Math.max(at, m.position - 1);
    if (start > at) parts.push(chars.slice(at, start).join(''));
    // A syntax error may point just past the end ("unclosed"): mark a visible gap then.
    const text = chars.slice(start, start + Math.max(1, m.length)).join('') || ' ';
    parts.push(
      <mark
        key={i}
        className={`body-mark body-mark-${m.kind}`}
        title={m.title}
        data-testid={`mark-${m.kind}`}
      >
        {text}
      </mark>,
    );
    at = start + Math.max(1, m.length);
  }
  if (at < chars.length) parts.push(chars.slice(at).join(''));
  return (
    <pre className="expr-echo body-echo" data-testid="script-body-echo">
      {parts}
    </pre>
  );
}
