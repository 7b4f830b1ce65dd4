// Material files, content-addressed under the data dir: <GUIMI_DATA_DIR>/files/<sha256[0..2]>/<sha256>.
// Identical bytes are stored once, whichever workspace uploads them. With PostgreSQL the files still
// live here, under GUIMI_DATA_DIR (only the rows go to the database): every server process must share
// that directory.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../platform/errors.js';

export function filePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Writes the bytes (to a temp file, then renamed, so a reader never sees half a file) unless stored. */
export async function storeFile(
  dataDir: string,
  bytes: Uint8Array,
): Promise<{ sha256: string; created: boolean }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = filePath(dataDir, sha256);
  if (await exists(path)) return { sha256, created: false };
  const dir = join(dataDir, 'files', sha256.slice(0, 2));
  const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new AppError('INTERNAL', `cannot write material file under ${dataDir}: ${(e as Error).message}`);
  }
  return { sha256, created: true };
}

export async function openFile(dataDir: string, sha256: string): Promise<ReadStream> {
  const path = filePath(dataDir, sha256);
  if (!(await exists(path))) {
    throw new AppError('NOT_FOUND', `the material's file is missing from the data dir (${sha256})`, {
      sha256,
    });
  }
  return createReadStream(path);
}

export async function removeFile(dataDir: string, sha256: string): Promise<void> {
  await rm(filePath(dataDir, sha256), { force: true });
}
