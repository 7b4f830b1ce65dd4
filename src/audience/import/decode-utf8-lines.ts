// Turns a byte stream into blocks of whole UTF-8 text lines. Invalid UTF-8 is found per physical line
// (so one bad row does not sink a file) and the lines are reported; a file that is not text at all
// (binary, UTF-16, a legacy encoding such as GBK throughout) is refused with IMPORT_UNREADABLE.
import { isAscii, isUtf8 } from 'node:buffer';
import { unreadable, type ImportSource } from './import-source.js';

export interface TextBlock {
  /** Whole lines, always ending with '\n' (one is added at the end of a file without it). */
  text: string;
  /** Physical line number of the first line of `text`. */
  firstLine: number;
  /** Ascending physical line numbers whose bytes were not valid UTF-8 (decoded with U+FFFD). */
  badLines: number[];
}

const LF = 0x0a;
const MAX_LINE_BYTES = 16 << 20;
const SNIFF_BYTES = 64 << 10;
const LF_BUFFER = Buffer.from('\n');

export async function* decodeUtf8Lines(
  chunks: AsyncIterable<Buffer>,
  source: ImportSource,
): AsyncGenerator<TextBlock> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let seen = 0;
  for await (const chunk of chunks) {
    // NUL never occurs in UTF-8 text: one near the start means a binary (or UTF-16) file.
    if (seen < SNIFF_BYTES && chunk.subarray(0, SNIFF_BYTES - seen).includes(0)) {
      throw unreadable(source, 'it contains NUL bytes: a binary or UTF-16 file, not UTF-8 CSV or JSONL text');
    }
    seen += chunk.length;
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf < 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        throw unreadable(source, `line ${line} is longer than 16 MiB: not a CSV or JSONL file`, { line });
      }
      continue;
    }
    pending.push(chunk.subarray(0, lastLf + 1));
    const region = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const block = decodeRegion(region, line, source);
    line += block.lines;
    yield block.block;
    const rest = chunk.subarray(lastLf + 1);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
  }
  if (pendingBytes > 0) yield decodeRegion(Buffer.concat([...pending, LF_BUFFER]), line, source).block;
}

function decodeRegion(
  region: Buffer,
  firstLine: number,
  source: ImportSource,
): { block: TextBlock; lines: number } {
  if (firstLine === 1) region = checkStart(region, source);
  const badLines: number[] = [];
  let lines = 0;
  let nonAsciiLines = 0;
  const valid = isUtf8(region);
  for (let p = 0; p < region.length; lines++) {
    const lf = region.indexOf(LF, p);
    if (!valid) {
      const bytes = region.subarray(p, lf);
      if (!isAscii(bytes)) nonAsciiLines++;
      if (!isUtf8(bytes)) badLines.push(firstLine + lines);
    }
    p = lf + 1;
  }
  // Most lines of a GBK (or other legacy) file carry non-ASCII text and none of them decode.
  if (firstLine === 1 && badLines.length >= 3 && badLines.length * 2 > nonAsciiLines) {
    throw unreadable(source, 'it is not UTF-8 (GBK or another legacy encoding?); save it as CSV UTF-8', {
      lines: badLines.slice(0, 10),
    });
  }
  return { block: { text: region.toString('utf8'), firstLine, badLines }, lines };
}

/** Drops a UTF-8 BOM and refuses what is plainly not UTF-8 text. */
function checkStart(region: Buffer, source: ImportSource): Buffer {
  if ((region[0] === 0xff && region[1] === 0xfe) || (region[0] === 0xfe && region[1] === 0xff)) {
    throw unreadable(source, 'it is UTF-16 text; save it as UTF-8 (CSV UTF-8)');
  }
  return region[0] === 0xef && region[1] === 0xbb && region[2] === 0xbf ? region.subarray(3) : region;
}
