// Validates a public application field by field, with messages in Chinese (the page shows each under
// its field). Absurd figures are refused here: the store keeps only plausible ones.
import { normalizePhone } from '../../audience/import/normalize-phone.js';
import { AppError } from '../../platform/errors.js';
import { MAX_FOLLOWERS, PLATFORMS } from '../roster/koc-input.js';

export interface ApplicationInput {
  name: string;
  phone: string;
  city: string;
  category: string;
  platform: (typeof PLATFORMS)[number];
  handle: string;
  followers: number;
  avgReads: number;
  avgLikes: number;
  avgComments: number;
  note: string | null;
}

type Fields = Partial<Record<keyof ApplicationInput, string>>;

const text = (raw: unknown, max: number): string | null =>
  typeof raw === 'string' && raw.trim() !== '' && raw.trim().length <= max ? raw.trim() : null;

function count(raw: unknown): number | null {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_FOLLOWERS ? n : null;
}

/** Throws VALIDATION with `details.fields` (field → message) listing every bad field at once. */
export function parseApplication(body: unknown): ApplicationInput {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors: Fields = {};
  const name = text(b.name, 50);
  if (!name) errors.name = '请填写姓名（50 字以内）';
  const phoneCheck = typeof b.phone === 'string' ? normalizePhone(b.phone) : null;
  if (!phoneCheck?.ok) errors.phone = '请填写正确的手机号';
  const city = text(b.city, 50);
  if (!city) errors.city = '请填写所在城市';
  const category = text(b.category, 50);
  if (!category) errors.category = '请填写内容领域（如美妆、美食、母婴）';
  const platform = PLATFORMS.find((p) => p === b.platform);
  if (!platform) errors.platform = '请选择平台';
  const handle = text(b.handle, 100);
  if (!handle) errors.handle = '请填写平台账号（昵称或 ID）';
  const followers = count(b.followers);
  if (followers === null) errors.followers = '粉丝数应为 0 到 10 亿之间的整数';
  const avgReads = count(b.avgReads);
  if (avgReads === null) errors.avgReads = '平均阅读量应为 0 到 10 亿之间的整数';
  else if (followers !== null && avgReads > Math.max(followers, 1) * 100)
    errors.avgReads = '平均阅读量不可能超过粉丝数的 100 倍，请核对';
  const avgLikes = count(b.avgLikes ?? 0);
  if (avgLikes === null) errors.avgLikes = '平均点赞数应为非负整数';
  const avgComments = count(b.avgComments ?? 0);
  if (avgComments === null) errors.avgComments = '平均评论数应为非负整数';
  if (
    avgReads !== null &&
    avgLikes !== null &&
    avgComments !== null &&
    avgLikes + avgComments > avgReads &&
    avgReads > 0
  )
    errors.avgLikes = '点赞与评论之和不应超过平均阅读量，请核对';
  const note = b.note === undefined || b.note === null || b.note === '' ? null : text(b.note, 500);
  if (note === null && b.note !== undefined && b.note !== null && b.note !== '')
    errors.note = '补充说明请在 500 字以内';
  if (Object.keys(errors).length > 0) {
    throw new AppError('VALIDATION', '申请信息有误，请按提示修改', { fields: errors });
  }
  return {
    name: name!,
    phone: (phoneCheck as { e164: string }).e164,
    city: city!,
    category: category!,
    platform: platform!,
    handle: handle!,
    followers: followers!,
    avgReads: avgReads!,
    avgLikes: avgLikes!,
    avgComments: avgComments!,
    note,
  };
}
