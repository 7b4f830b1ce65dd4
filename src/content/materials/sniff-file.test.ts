import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import { checkFile, sniffFileType } from './sniff-file.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const png = bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]);
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const gif = bytes('GIF89a', [1, 0, 1, 0]);
const webp = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const mp4 = bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]);
const heic = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]);

function failure(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}

describe('sniffFileType', () => {
  it('knows the formats by their magic bytes', () => {
    expect([png, jpeg, gif, webp, mp4].map(sniffFileType)).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'video/mp4',
    ]);
  });

  it('refuses what it does not know, including HEIF images in an ftyp box', () => {
    expect(sniffFileType(heic)).toBeNull();
    expect(sniffFileType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffFileType(bytes([0x89]))).toBeNull();
  });
});

describe('checkFile', () => {
  it('takes the kind from the bytes when none is given', () => {
    expect(checkFile(mp4, {})).toEqual({ type: 'video/mp4', kind: 'video' });
    expect(checkFile(jpeg, { declaredType: 'image/jpg' })).toEqual({ type: 'image/jpeg', kind: 'image' });
  });

  it('names the declared and detected types when they differ', () => {
    const e = failure(() => checkFile(jpeg, { declaredType: 'image/png' }));
    expect(e.code).toBe('FILE_TYPE_MISMATCH');
    expect(e.details).toEqual({ declared: 'image/png', detected: 'image/jpeg' });
  });

  it('refuses bytes the kind cannot hold, unknown formats and oversized files', () => {
    expect(failure(() => checkFile(mp4, { kind: 'image' })).code).toBe('FILE_TYPE_MISMATCH');
    expect(failure(() => checkFile(gif, { kind: 'poster' })).code).toBe('FILE_TYPE_MISMATCH');
    expect(failure(() => checkFile(bytes('hello world!'), {})).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(png);
    const e = failure(() => checkFile(big, { kind: 'image' }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.details).toMatchObject({ limitBytes: 10 * 1024 * 1024 });
  });
});
