// roaring is CommonJS without named ESM exports: take the class off the default export once, here.
import roaring from 'roaring';

export const { RoaringBitmap32 } = roaring;
export type Bitmap = InstanceType<typeof RoaringBitmap32>;

/** Typed-array growth by doubling, so per-contact columns stay compact at tens of millions of ids. */
export function grown<T extends Uint32Array | Float64Array>(arr: T, need: number, fill?: number): T {
  if (need <= arr.length) return arr;
  let size = Math.max(1024, arr.length);
  while (size < need) size *= 2;
  const next = new (arr.constructor as new (n: number) => T)(size);
  if (fill !== undefined) next.fill(fill, arr.length);
  next.set(arr);
  return next;
}

export function union(parts: Bitmap[]): Bitmap {
  if (parts.length === 1) return parts[0]!;
  return parts.length === 0 ? new RoaringBitmap32() : RoaringBitmap32.orMany(parts);
}
