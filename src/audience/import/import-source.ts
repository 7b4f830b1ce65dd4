// Where an import reads from, and the shape every record reader yields.
import { createReadStream } from 'node:fs';
import { AppError } from '../../platform/errors.js';

/** A file path, or any byte stream (a Node Readable is one). */
export type ImportSource = string | AsyncIterable<Uint8Array | string>;

/** One record of a file: `line` is the 1-based physical line where it starts. */
export type ParsedRecord<R> =
  { line: number; record: R; error?: undefined } | { line: number; record?: undefined; error: string };

/**
 * A copy of `s` that does not keep the block it was sliced from alive: V8 slices share their parent
 * string, so a Map of a million sliced ids would pin the whole file in memory.
 */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}

export function sourceName(source: ImportSource): string {
  return typeof source === 'string' ? source : 'input';
}

export function unreadable(source: ImportSource, why: string, details?: Record<string, unknown>): AppError {
  return new AppError('IMPORT_UNREADABLE', `cannot read ${sourceName(source)}: ${why}`, {
    file: sourceName(source),
    ...details,
  });
}

/** The bytes of the source as Buffers; a missing or unreadable file becomes IMPORT_UNREADABLE. */
export async function* readBytes(source: ImportSource): AsyncGenerator<Buffer> {
  if (typeof source !== 'string') {
    for await (const chunk of source) {
      yield typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    return;
  }
  // 64 KiB reads: a block's rows then die young; 1 MiB blocks made the GC copy them (twice as slow).
  const stream = createReadStream(source, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw unreadable(source, why);
  }
}
