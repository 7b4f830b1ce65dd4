// Property tests: on random small datasets and random segments, the bitmap engine and the SQL compiled
// for SQLite return exactly the contacts the plain reference evaluator returns.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database as Tables } from '../../platform/store/database.js';
import { compileSegmentSql, segmentCountSql } from './compile-segment-sql.js';
import { countSegment, evaluateSegment } from './evaluate-segment.js';
import { evaluateReference } from './evaluate-reference.js';
import type { ReferenceContact } from './evaluate-reference.js';
import { formatSegment } from './format-segment.js';
import { parseSegment } from './parse-segment.js';
import { STRING_FIELDS } from './segment-ast.js';
import type { SegmentAst } from './segment-ast.js';
import { SegmentIndex } from './segment-index.js';
import { DAY_MS } from './segment-values.js';

const AT = new Date('2024-03-05T10:30:00.000Z');
const at = AT.getTime();
const saved: Record<string, string> = {
  saved1: 'tag:a OR city = 上海',
  saved2: 'segment:saved1 AND NOT did buy within 3d',
};
const options = {
  at: AT,
  resolveSegment: (name: string) => (saved[name] ? parseSegment(saved[name]) : undefined),
};

const TEXTS = ['上海', '北京', 'a b', '海', '', 'gold', 'go', '3', 'true'];
const ATTR_LITERALS = ['3', '1.5', '-1', '0', 'gold', 'go', 'true', 'false', '3.0'];
const NUMERIC_LITERALS = ATTR_LITERALS.filter((v) => /^-?\d/.test(v));
const DATES = ['2024-03-01', '2024-03-01T00:00:00Z', '2024-02-28T23:59:59.999Z', '2024-03-02T12:00:00+08:00'];
const NUM_OPS = ['=', '!=', '>', '>=', '<', '<='] as const;

const created = fc
  .tuple(fc.integer({ min: -4, max: 3 }), fc.constantFrom(0, 1, 43_200_000, DAY_MS - 1))
  .map(([d, t]) => new Date(Date.UTC(2024, 2, 1) + d * DAY_MS + t).toISOString());
const attrValue = fc.oneof(
  fc.integer({ min: -1, max: 5 }),
  fc.constantFrom(1.5, 3.0, -1),
  fc.constantFrom('3', 'gold', 'go', 'true', '', '1.5'),
  fc.boolean(),
);
const eventAt = fc.oneof(
  fc.constantFrom(at, at + 1, at - 1),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(-1, 0, 1, 3_600_000))
    .map(([k, e]) => at - k * DAY_MS + e),
  fc.integer({ min: -30 * DAY_MS, max: DAY_MS }).map((o) => at + o),
);
const contactArb = fc.record({
  name: fc.option(fc.constantFrom('王小美', '李雷', 'ab', 'b', '')),
  phone: fc.option(fc.constantFrom('138', '13800')),
  gender: fc.option(fc.constantFrom('f', 'm')),
  city: fc.option(fc.constantFrom('上海', '北京', 'a b', '海')),
  birth_year: fc.option(fc.integer({ min: 1984, max: 1992 })),
  source: fc.option(fc.constantFrom('wx', 'ad')),
  created_at: created,
  attrs: fc.dictionary(fc.constantFrom('level', 'plan', 'vip'), attrValue),
  labels: fc.uniqueArray(
    fc.oneof(
      fc.constantFrom('a', 'b', '宝妈').map((value) => ({ namespace: 'tag' as const, value })),
      fc.constantFrom('iron', 'gold').map((value) => ({ namespace: 'tier' as const, value })),
    ),
    { selector: (l) => `${l.namespace}:${l.value}` },
  ),
  events: fc.array(fc.record({ type: fc.constantFrom('buy', 'view'), at: eventAt }), { maxLength: 6 }),
  erased: fc.boolean(),
});
const dataset = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 60 }), contactArb), {
    selector: ([id]) => id,
    maxLength: 14,
  })
  .map((rows) => rows.map(([id, c]) => ({ ...c, id })));
type Row = ReferenceContact & { erased: boolean };

const position = 1;
const atomArb: fc.Arbitrary<SegmentAst> = fc.oneof(
  fc
    .constantFrom('a', 'b', '宝妈', 'zz')
    .map((value) => ({ kind: 'label' as const, namespace: 'tag' as const, value, position })),
  fc
    .constantFrom('iron', 'gold')
    .map((value) => ({ kind: 'label' as const, namespace: 'tier' as const, value, position })),
  fc.constantFrom('saved1', 'saved2').map((name) => ({ kind: 'segment' as const, name, position })),
  fc
    .record({
      field: fc.constantFrom(...STRING_FIELDS),
      op: fc.constantFrom('=' as const, '!=' as const, '~' as const),
      value: fc.constantFrom(...TEXTS),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constant('birth_year' as const),
      op: fc.constantFrom(...NUM_OPS),
      value: fc.constantFrom('1985', '1990', '1990.5'),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constant('created_at' as const),
      op: fc.constantFrom(...NUM_OPS),
      value: fc.constantFrom(...DATES),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constantFrom('attr.level' as const, 'attr.plan' as const, 'attr.vip' as const),
      op: fc.constantFrom('=' as const, '!=' as const, '~' as const),
      value: fc.constantFrom(...ATTR_LITERALS),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constantFrom('attr.level' as const, 'attr.plan' as const),
      op: fc.constantFrom('>' as const, '>=' as const, '<' as const, '<=' as const),
      value: fc.constantFrom(...NUMERIC_LITERALS),
    })
    .map((c) => ({ kind: 'compare' as const, ...c, position })),
  fc
    .record({
      field: fc.constantFrom('city' as const, 'attr.plan' as const, 'attr.level' as const),
      values: fc.uniqueArray(fc.constantFrom(...TEXTS, '3', '1.5'), { minLength: 1, maxLength: 3 }),
    })
    .map((c) => ({ kind: 'in' as const, ...c, position })),
  fc
    .record({ eventType: fc.constantFrom('buy', 'view'), days: fc.integer({ min: 1, max: 5 }) })
    .map((c) => ({ kind: 'did' as const, ...c, position })),
  fc
    .record({
      eventType: fc.constantFrom('buy', 'view'),
      days: fc.integer({ min: 1, max: 5 }),
      op: fc.constantFrom(...NUM_OPS),
      value: fc.constantFrom(0, 1, 2, 1.5, -1),
    })
    .map((c) => ({ kind: 'count' as const, ...c, position })),
);

const segmentArb: fc.Arbitrary<SegmentAst> = fc.letrec<{ node: SegmentAst }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atomArb,
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'and' as const, items })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items) => ({ kind: 'or' as const, items })),
    tie('node').map((operand) => ({ kind: 'not' as const, operand })),
  ),
})).node;
/** Builds the index the way the store would: bulk or one by one, with replaced fields and erasures. */
function buildIndex(rows: Row[], bulk: boolean): SegmentIndex {
  const index = new SegmentIndex();
  const { erased: _e, ...stale } = rows[0] ?? { erased: false };
  if (bulk)
    index.upsertContacts(
      rows.map((r) => r.id),
      rows,
    );
  for (const r of rows) {
    if (!bulk) {
      if ('attrs' in stale)
        index.upsertContact(r.id, { ...stale, city: '北京', attrs: { level: 9, plan: 'stale' } });
      index.upsertContact(r.id, r);
    }
    for (const l of r.labels) index.addLabel(l.namespace, l.value, r.id);
    index.addLabel('tag', 'b', r.id);
    if (!r.labels.some((l) => l.namespace === 'tag' && l.value === 'b')) index.removeLabel('tag', 'b', r.id);
  }
  for (const type of ['buy', 'view']) {
    const events = rows.flatMap((r) =>
      r.events.filter((e) => e.type === type).map((e) => [e.at, r.id] as const),
    );
    if (bulk)
      index.addEvents(
        type,
        events.map(([t]) => t),
        events.map(([, id]) => id),
      );
    else for (const [t, id] of events) index.addEvent(type, t, id);
  }
  for (const r of rows) if (r.erased) index.removeContact(r.id);
  if (bulk) index.runOptimize();
  return index;
}

function reference(rows: Row[], ast: SegmentAst): number[] {
  return evaluateReference(
    rows.filter((r) => !r.erased),
    ast,
    options,
  );
}

describe('segment engine vs reference', () => {
  it('returns the reference contacts for random data and segments (through text)', () => {
    fc.assert(
      fc.property(dataset, segmentArb, fc.boolean(), (rows, ast, bulk) => {
        const parsed = parseSegment(formatSegment(ast));
        const index = buildIndex(rows, bulk);
        const expected = reference(rows, parsed);
        expect(evaluateSegment(index, parsed, options).toArray()).toEqual(expected);
        expect(countSegment(index, parsed, options)).toBe(expected.length);
      }),
      { numRuns: 400 },
    );
  });

  it('matches on event windows and counts over dense events at the window edges', () => {
    const denseRows = fc
      .array(
        fc.array(fc.record({ type: fc.constant('buy'), at: eventAt }), { minLength: 1, maxLength: 12 }),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((lists) => lists.map((events, i) => ({ ...emptyRow(i + 1), events })));
    const windowAtom = fc.oneof(
      fc
        .integer({ min: 1, max: 5 })
        .map((days) => ({ kind: 'did' as const, eventType: 'buy', days, position })),
      fc
        .record({
          days: fc.integer({ min: 1, max: 5 }),
          op: fc.constantFrom(...NUM_OPS),
          value: fc.integer({ min: 0, max: 4 }),
        })
        .map((c) => ({ kind: 'count' as const, eventType: 'buy', ...c, position })),
    );
    const later = fc.record({
      events: fc.array(fc.record({ row: fc.nat(), at: eventAt }), { maxLength: 6 }),
      bulk: fc.boolean(),
      erase: fc.boolean(),
    });
    fc.assert(
      fc.property(denseRows, windowAtom, fc.boolean(), later, (rows, ast, bulk, change) => {
        const index = buildIndex(rows, bulk);
        expect(evaluateSegment(index, ast, options).toArray()).toEqual(reference(rows, ast));
        // Changes after a (cache-warming) evaluation show in the next one.
        const live = rows.map((r) => ({ ...r, events: [...r.events] }));
        const added = change.events.map(({ row, at: t }) => ({ id: live[row % live.length]!.id, at: t }));
        for (const e of added) live.find((r) => r.id === e.id)!.events.push({ type: 'buy', at: e.at });
        if (change.bulk)
          index.addEvents(
            'buy',
            added.map((e) => e.at),
            added.map((e) => e.id),
          );
        else for (const e of added) index.addEvent('buy', e.at, e.id);
        if (change.erase) {
          live[0]!.erased = true;
          index.removeContact(live[0]!.id);
        }
        expect(evaluateSegment(index, ast, options).toArray()).toEqual(reference(live, ast));
      }),
      { numRuns: 300 },
    );
  });
});

function emptyRow(id: number): Row {
  return { id, created_at: '2024-01-01T00:00:00.000Z', attrs: {}, labels: [], events: [], erased: false };
}

function sqliteWith(rows: Row[]): Kysely<Tables> {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE contacts (id INTEGER PRIMARY KEY, workspace_id TEXT, external_id TEXT, name TEXT, phone TEXT,
      wechat_id TEXT, wecom_external_userid TEXT, gender TEXT, city TEXT, birth_year INTEGER, source TEXT,
      owner_koc_id TEXT, attrs TEXT, created_at TEXT, updated_at TEXT, erased_at TEXT);
    CREATE TABLE tags (id TEXT PRIMARY KEY, workspace_id TEXT, group_id TEXT, name TEXT);
    CREATE TABLE contact_tags (workspace_id TEXT, contact_id INTEGER, tag_id TEXT, added_at TEXT, PRIMARY KEY (contact_id, tag_id));
    CREATE TABLE contact_tiers (workspace_id TEXT, contact_id INTEGER, tier TEXT);
    CREATE TABLE events (seq INTEGER PRIMARY KEY, workspace_id TEXT, event_id TEXT, contact_id INTEGER, type TEXT,
      at BIGINT, source_kind TEXT, source_id TEXT, props TEXT);`);
  const insert = db.prepare(
    `INSERT INTO contacts (id, workspace_id, name, phone, gender, city, birth_year, source, attrs, created_at, erased_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const tag of ['a', 'b', '宝妈'])
    db.prepare('INSERT INTO tags VALUES (?, ?, NULL, ?)').run(`t-${tag}`, 'w1', tag);
  for (const r of rows) {
    insert.run(
      r.id,
      'w1',
      r.name,
      r.phone,
      r.gender,
      r.city,
      r.birth_year,
      r.source,
      JSON.stringify(r.attrs),
      r.created_at,
      r.erased ? r.created_at : null,
    );
    for (const l of r.labels) {
      if (l.namespace === 'tag')
        db.prepare('INSERT INTO contact_tags VALUES (?, ?, ?, ?)').run(
          'w1',
          r.id,
          `t-${l.value}`,
          r.created_at,
        );
      else db.prepare('INSERT INTO contact_tiers VALUES (?, ?, ?)').run('w1', r.id, l.value);
    }
    for (const e of r.events)
      db.prepare('INSERT INTO events (workspace_id, contact_id, type, at) VALUES (?, ?, ?, ?)').run(
        'w1',
        r.id,
        e.type,
        e.at,
      );
  }
  // Another workspace's contact, matching everything, must never be counted.
  insert.run(
    1000,
    'w2',
    '王小美',
    '138',
    'f',
    '上海',
    1990,
    'wx',
    '{"level":3}',
    '2024-03-01T00:00:00.000Z',
    null,
  );
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: db }) });
}

describe('compiled SQL vs reference', () => {
  it('selects the reference contacts on SQLite for random data and segments', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, segmentArb, async (rows, ast) => {
        const db = sqliteWith(rows);
        const where = compileSegmentSql(ast, { ...options, dialect: 'sqlite' });
        const result = await sql<{
          id: number;
        }>`SELECT c.id FROM contacts c WHERE c.workspace_id = ${'w1'} AND c.erased_at IS NULL AND ${where} ORDER BY c.id`.execute(
          db,
        );
        const expected = reference(rows, ast);
        expect(result.rows.map((r) => r.id)).toEqual(expected);
        const count = await segmentCountSql(ast, 'w1', { ...options, dialect: 'sqlite' }).execute(db);
        expect(Number(count.rows[0]!.n)).toBe(expected.length);
        await db.destroy();
      }),
      { numRuns: 250 },
    );
  });

  it('compiles PostgreSQL with every user value as a parameter', () => {
    const pg = new Kysely<Tables>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const ast = parseSegment(
      `tag:"x'; DROP" AND attr.lvl >= 3 AND city ~ 上 AND count(buy, 7d) < 2 AND created_at > 2024-01-01`,
    );
    const compiled = compileSegmentSql(ast, { ...options, dialect: 'postgres' }).compile(pg);
    expect(compiled.sql).not.toMatch(/DROP|上|lvl|2024/);
    expect(compiled.sql).toContain('strpos(');
    expect(compiled.sql).toContain('jsonb_typeof');
    expect(compiled.parameters).toEqual(
      expect.arrayContaining(["x'; DROP", 'lvl', '3', '上', '2', 'buy', '2024-01-02T00:00:00.000Z']),
    );
  });
});
