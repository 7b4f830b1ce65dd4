// Aho–Corasick multi-pattern matcher over characters (code points): one pass over the text finds every
// occurrence of every word, however long the list. Latin letters match case-insensitively.

export interface PatternMatch<T> {
  pattern: string;
  payload: T;
  /** 0-based character (code point) index of the first character. */
  start: number;
  /** Length in characters. */
  length: number;
}

interface Node<T> {
  next: Map<string, number>;
  fail: number;
  /** Patterns ending here: [pattern, its payload, its length]. */
  out: [string, T, number][];
}

// Per character, so positions stay those of the original text.
const chars = (s: string) => [...s].map((c) => c.toLowerCase());

export class AhoCorasick<T> {
  private readonly nodes: Node<T>[] = [{ next: new Map(), fail: 0, out: [] }];

  constructor(patterns: Iterable<[string, T]>) {
    for (const [pattern, payload] of patterns) this.add(pattern, payload);
    this.link();
  }

  private add(pattern: string, payload: T): void {
    const keys = chars(pattern);
    if (keys.length === 0) return;
    let at = 0;
    for (const ch of keys) {
      let to = this.nodes[at]!.next.get(ch);
      if (to === undefined) {
        to = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
        this.nodes[at]!.next.set(ch, to);
      }
      at = to;
    }
    this.nodes[at]!.out.push([pattern, payload, keys.length]);
  }

  /** Breadth-first: each node's failure link is the longest proper suffix that is also a prefix. */
  private link(): void {
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const node = this.nodes[queue[qi]!]!;
      for (const [ch, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(ch)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(ch);
        const c = this.nodes[child]!;
        c.fail = target !== undefined && target !== child ? target : 0;
        c.out.push(...this.nodes[c.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Every occurrence, ordered by end position then longest first. */
  search(text: string): PatternMatch<T>[] {
    const found: PatternMatch<T>[] = [];
    let at = 0;
    let index = 0;
    for (const ch of chars(text)) {
      while (at !== 0 && !this.nodes[at]!.next.has(ch)) at = this.nodes[at]!.fail;
      at = this.nodes[at]!.next.get(ch) ?? 0;
      for (const [pattern, payload, length] of this.nodes[at]!.out) {
        found.push({ pattern, payload, start: index - length + 1, length });
      }
      index++;
    }
    return found;
  }
}
