// Property test on the real stores: random contacts, tags and events written through the store (part
// before the index is built, part after, some erased), random segments. The index's count, the SQL
// count on the same store and the plain reference evaluator must agree.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { eraseContact, writeContact, type TestContact } from '../../../test/support/segment-data.js';
import { createWorkspace } from '../../workspaces/create-workspace.js';
import { segmentCountSql } from '../segments/compile-segment-sql.js';
import { evaluateReference } from '../segments/evaluate-reference.js';
import type { ReferenceContact } from '../segments/evaluate-reference.js';
import { formatSegment } from '../segments/format-segment.js';
import { STRING_FIELDS } from '../segments/segment-ast.js';
import type { SegmentAst } from '../segments/segment-ast.js';
import { DAY_MS } from '../segments/segment-values.js';
import { audienceIndexFor } from './audience-index.js';

const AT = new Date('2024-03-05T10:30:00.000Z');
const at = AT.getTime();
const NOW = new Date('2024-03-05T11:00:00.000Z');
const position = 1;
const NUM_OPS = ['=', '!=', '>', '>=', '<', '<='] as const;

const contactArb: fc.Arbitrary<TestContact & { erased: boolean }> = fc.record({
  name: fc.option(fc.constantFrom('王小美', '李雷', 'ab')),
  gender: fc.option(fc.constantFrom('f', 'm')),
  city: fc.option(fc.constantFrom('上海', '北京', '海')),
  birth_year: fc.option(fc.integer({ min: 1984, max: 1992 })),
  source: fc.option(fc.constantFrom('wx', 'ad')),
  created_at: fc
    .integer({ min: -4, max: 3 })
    .map((d) => new Date(Date.UTC(2024, 2, 1) + d * DAY_MS + 43_200_000).toISOString()),
  attrs: fc.dictionary(
    fc.constantFrom('level', 'plan'),
    fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constantFrom('gold', '3', 'go'), fc.boolean()),
  ),
  tags: fc.uniqueArray(fc.constantFrom('a', 'b', '宝妈'), { maxLength: 3 }),
  events: fc.array(
    fc.record({
      type: fc.constantFrom('buy', 'view'),
      at: fc.integer({ min: -6 * DAY_MS, max: DAY_MS }).map((o) => at + o),
    }),
    { maxLength: 4 },
  ),
  erased: fc.boolean(),
});

const atomArb: fc.Arbitrary<SegmentAst> = fc.oneof(
  fc
    .constantFrom('a', 'b', '宝妈', 'zz')
    .map((value) => ({ kind: 'label' as const, namespace: 'tag' as const, value, position })),
  fc
    .record({
      field: fc.constantFrom(...STRING_FIELDS),
      op: fc.constantFrom('=' as const, '!=' as const, '~' as const),
      value: fc.constantFrom('上海', '海', 'ab', 'wx', 'f'),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({ op: fc.constantFrom(...NUM_OPS), value: fc.constantFrom('1985', '1990') })
    .map((c) => ({ kind: 'compare' as const, field: 'birth_year' as const, ...c, position })),
  fc
    .record({ op: fc.constantFrom(...NUM_OPS), value: fc.constantFrom('2024-03-01', '2024-02-28T12:00:00Z') })
    .map((c) => ({ kind: 'compare' as const, field: 'created_at' as const, ...c, position })),
  fc
    .record({
      field: fc.constantFrom('attr.level' as const, 'attr.plan' as const),
      op: fc.constantFrom('=' as const, '!=' as const, '~' as const),
      value: fc.constantFrom('3', '0', 'gold', 'go', 'true'),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constantFrom('attr.level' as const, 'attr.plan' as const),
      op: fc.constantFrom(...NUM_OPS),
      value: fc.constantFrom('3', '0', '-1'),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({ eventType: fc.constantFrom('buy', 'view'), days: fc.integer({ min: 1, max: 5 }) })
    .map((c) => ({ kind: 'did' as const, ...c, position })),
  fc
    .record({
      eventType: fc.constantFrom('buy', 'view'),
      days: fc.integer({ min: 1, max: 5 }),
      op: fc.constantFrom(...NUM_OPS),
      value: fc.constantFrom(0, 1, 2),
    })
    .map((c) => ({ kind: 'count' as const, ...c, position })),
);
const segmentArb: fc.Arbitrary<SegmentAst> = fc.letrec<{ node: SegmentAst }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    atomArb,
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'and' as const, items })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'or' as const, items })),
    tie('node').map((operand) => ({ kind: 'not' as const, operand })),
  ),
})).node;

describe.each(storeKinds())('segment index vs SQL vs reference on $title', ({ name, skip }) => {
  let store: TestStore;
  let run = 0;
  beforeAll(async () => {
    if (!skip) store = await openTestStore(name);
  });
  afterAll(async () => {
    if (skip) return;
    await audienceIndexFor(store).close();
    await store.close();
  });

  it.skipIf(skip)('counts alike on random data written before and after the index is built', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { maxLength: 10 }),
        fc.array(contactArb, { maxLength: 6 }),
        fc.array(segmentArb, { minLength: 1, maxLength: 3 }),
        async (before, after, segments) => {
          const ws = await createWorkspace(
            store.db,
            { slug: `p${++run}`, name: 'prop' },
            { actor: 'test', defaultTimezone: 'Asia/Shanghai', now: NOW },
          );
          const index = audienceIndexFor(store);
          const model: (ReferenceContact & { erased: boolean })[] = [];
          const write = async (list: typeof before) => {
            for (const c of list) {
              const id = await writeContact(store.db, ws.id, c, NOW);
              model.push({ ...c, id, labels: c.tags.map((value) => ({ namespace: 'tag', value })) });
            }
            for (const c of model) if (c.erased) await eraseContact(store.db, ws.id, c.id, NOW);
          };
          const check = async () => {
            const live = model.filter((c) => !c.erased);
            for (const ast of segments) {
              const options = { at: AT, resolveSegment: () => undefined, dialect: store.dialect };
              const expected = evaluateReference(live, ast, options).length;
              const sqlCount = await segmentCountSql(ast, ws.id, options).execute(store.db);
              expect(Number(sqlCount.rows[0]!.n)).toBe(expected);
              expect(await index.count(ws.id, formatSegment(ast), { at: AT })).toBe(expected);
            }
          };
          await write(before);
          await check();
          await write(after);
          await check();
        },
      ),
      { numRuns: name === 'postgres' ? 40 : 60 },
    );
  });
});
