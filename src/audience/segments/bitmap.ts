// roaring is CommonJS without named ESM exports: take the class off the default export once, here.
import roaring from 'roaring';

export const { RoaringBitmap32 } = roaring;
export type Bitmap = InstanceType<typeof RoaringBitmap32>;

type Grows = Uint16Array | Uint32Array | Float64Array;

/**
 * Typed-array growth: doubling while small, by half past a million slots, so a column of ten million
 * contacts does not reserve six million more it may never use.
 */
export function grown<T extends Grows>(arr: T, need: number, fill?: number): T {
  if (need <= arr.length) return arr;
  // No large floor: an event column holds a pair of these per hour and type, most with a few dozen events.
  let size = Math.max(8, arr.length);
  while (size < need) size = size < 1 << 20 ? size * 2 : Math.ceil(size * 1.5);
  return resized(arr, size, fill);
}

/** Grown to exactly `size` (a bulk load that knows its largest id); never shrinks. */
export function reserved<T extends Grows>(arr: T, size: number, fill?: number): T {
  return size <= arr.length ? arr : resized(arr, size, fill);
}

function resized<T extends Grows>(arr: T, size: number, fill?: number): T {
  const next = new (arr.constructor as new (n: number) => T)(size);
  if (fill !== undefined) next.fill(fill, arr.length);
  next.set(arr);
  return next;
}

export function union(parts: Bitmap[]): Bitmap {
  if (parts.length === 1) return parts[0]!;
  return parts.length === 0 ? new RoaringBitmap32() : RoaringBitmap32.orMany(parts);
}
