// What a file really is, from its first bytes, and whether a material of a kind may hold it. The
// declared type (upload header, file extension) is only a claim: the bytes decide.
import { AppError } from '../../platform/errors.js';

export const FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export type FileKind = 'image' | 'poster' | 'video';

const IMAGES: FileType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const MB = 1024 * 1024;
export const FILE_LIMITS: Record<FileKind, { types: FileType[]; maxBytes: number }> = {
  image: { types: IMAGES, maxBytes: 10 * MB },
  poster: { types: ['image/png', 'image/jpeg'], maxBytes: 10 * MB },
  video: { types: ['video/mp4'], maxBytes: 100 * MB },
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
// ISO-BMFF brands that are still images or QuickTime, not MP4 video.
const NOT_MP4 = new Set(['heic', 'heix', 'mif1', 'msf1', 'avif', 'qt  ']);

export function sniffFileType(b: Uint8Array): FileType | null {
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && !NOT_MP4.has(ascii(b, 8, 12))) return 'video/mp4';
  return null;
}

const aliases: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };
const kindOf = (t: FileType): FileKind => (t === 'video/mp4' ? 'video' : 'image');

/**
 * Checks bytes against the declared type and the kind's limits; returns the detected type and kind.
 * Without a kind, the kind follows the bytes (image or video).
 */
export function checkFile(
  bytes: Uint8Array,
  opts: { kind?: FileKind | undefined; declaredType?: string | undefined },
): { type: FileType; kind: FileKind } {
  if (bytes.length === 0) throw new AppError('VALIDATION', 'the file is empty', { field: 'file' });
  const type = sniffFileType(bytes);
  if (!type) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'the file is not a PNG, JPEG, GIF, WebP image or MP4 video',
      {
        accepted: FILE_TYPES,
      },
    );
  }
  const declared = opts.declaredType?.split(';')[0]?.trim().toLowerCase();
  const claimed = declared ? (aliases[declared] ?? declared) : undefined;
  if (claimed && claimed !== 'application/octet-stream' && claimed !== type) {
    throw new AppError('FILE_TYPE_MISMATCH', `the file is declared ${claimed} but its bytes are ${type}`, {
      declared: claimed,
      detected: type,
    });
  }
  const kind = opts.kind ?? kindOf(type);
  const limit = FILE_LIMITS[kind];
  if (!limit.types.includes(type)) {
    throw new AppError(
      'FILE_TYPE_MISMATCH',
      `a ${kind} material takes ${limit.types.join(', ')}, not ${type}`,
      {
        kind,
        detected: type,
        accepted: limit.types,
      },
    );
  }
  if (bytes.length > limit.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `a ${kind} file may be at most ${limit.maxBytes / MB} MB`, {
      kind,
      limitBytes: limit.maxBytes,
      sizeBytes: bytes.length,
    });
  }
  return { type, kind };
}
