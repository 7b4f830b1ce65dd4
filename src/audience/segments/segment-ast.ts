// The audience segment language's syntax tree. Every atom keeps the 1-based character position of its
// first character so that errors found after parsing (unknown saved segment, cycle) can still point at it.

/** Namespaces whose atoms are plain labels a contact has or lacks (`segment:` is a reference, not a label). */
export const LABEL_NAMESPACES = ['tag', 'tier'] as const;
export type LabelNamespace = (typeof LABEL_NAMESPACES)[number];

/** String columns of a contact: compared with `=`, `!=`, `~` and `in`. */
export const STRING_FIELDS = ['name', 'phone', 'gender', 'city', 'source'] as const;
export type StringField = (typeof STRING_FIELDS)[number];

export type ContactField = StringField | 'birth_year' | 'created_at';
export const CONTACT_FIELDS: readonly ContactField[] = [...STRING_FIELDS, 'birth_year', 'created_at'];

/** A contact column, or `attr.KEY` for a key of the contact's free attributes. */
export type SegmentField = ContactField | `attr.${string}`;

export const COMPARE_OPS = ['=', '!=', '>', '>=', '<', '<=', '~'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];
export type NumericOp = Exclude<CompareOp, '~'>;

export type SegmentAst =
  | { kind: 'and'; items: SegmentAst[] }
  | { kind: 'or'; items: SegmentAst[] }
  | { kind: 'not'; operand: SegmentAst }
  | { kind: 'label'; namespace: LabelNamespace; value: string; position: number }
  | { kind: 'segment'; name: string; position: number }
  /** `value` is the literal's text; whether it reads as a number or a date depends on the field. */
  | { kind: 'compare'; field: SegmentField; op: CompareOp; value: string; position: number }
  | { kind: 'in'; field: SegmentField; values: string[]; position: number }
  /** The contact has at least one `eventType` event in the window (at - days, at]. */
  | { kind: 'did'; eventType: string; days: number; position: number }
  /** The number of `eventType` events in the window (at - days, at], compared with `value`. */
  | { kind: 'count'; eventType: string; days: number; op: NumericOp; value: number; position: number };

export type SegmentAtom = Exclude<SegmentAst, { kind: 'and' | 'or' | 'not' }>;

export function attrKey(field: SegmentField): string | undefined {
  return field.startsWith('attr.') ? field.slice('attr.'.length) : undefined;
}
