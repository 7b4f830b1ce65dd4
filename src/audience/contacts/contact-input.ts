// The fields a caller may set on a contact, validated once for create and update.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { normalizePhone } from '../import/normalize-phone.js';

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const ContactFieldsInput = z.strictObject({
  name: text(100),
  phone: text(40),
  wechatId: text(200),
  wecomExternalUserid: text(200),
  gender: z.enum(['male', 'female', 'unknown']).nullable().optional(),
  city: text(100),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  source: text(100),
  ownerKocId: text(100),
});

export const AttrsInput = z
  .record(z.string().min(1).max(100), z.union([z.string().max(1000), z.number(), z.boolean()]))
  .refine((o) => Object.keys(o).length <= 200, 'at most 200 attributes');

type Fields = z.infer<typeof ContactFieldsInput>;

/** The contacts-table columns for the given fields; absent fields are left out (PATCH semantics). */
export function contactColumns(f: Fields) {
  const cols: Record<string, string | number | null> = {};
  const set = (col: string, v: string | number | null | undefined) => {
    if (v !== undefined) cols[col] = v;
  };
  set('name', f.name);
  set('phone', f.phone === undefined || f.phone === null ? f.phone : e164(f.phone));
  set('wechat_id', f.wechatId);
  set('wecom_external_userid', f.wecomExternalUserid);
  set('gender', f.gender);
  set('city', f.city);
  set('birth_year', f.birthYear);
  set('source', f.source);
  set('owner_koc_id', f.ownerKocId);
  return cols;
}

function e164(phone: string): string {
  const r = normalizePhone(phone);
  if (!r.ok) {
    throw new AppError('VALIDATION', `invalid phone: ${r.reason}`, {
      issues: [{ path: 'phone', message: r.reason }],
    });
  }
  return r.e164;
}
