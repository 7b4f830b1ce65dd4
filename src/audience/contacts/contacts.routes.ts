// Contacts of a workspace: CRUD, search, merge and erasure on request. PII is masked by role.
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../platform/auth/principal.js';
import type { RouteRegistrar } from '../../platform/http/context.js';
import { accessOf, guard } from '../../platform/http/guards.js';
import {
  errorResponses,
  jsonBody,
  jsonContent,
  PageQuery,
  WorkspaceParam,
} from '../../platform/http/schemas.js';
import { createContact, NewContactInput } from './create-contact.js';
import { eraseContact } from './erase-contact.js';
import { getContact } from './get-contact.js';
import { listContacts } from './list-contacts.js';
import { mergeContacts } from './merge-contacts.js';
import { ContactPatch, updateContact } from './update-contact.js';

const Attr = z.union([z.string(), z.number(), z.boolean()]);
export const Contact = z
  .object({
    id: z.number().int(),
    externalId: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'E.164; masked for roles that may not see PII' }),
    wechatId: z.string().nullable(),
    wecomExternalUserid: z.string().nullable(),
    gender: z.string().nullable(),
    city: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    source: z.string().nullable(),
    ownerKocId: z.string().nullable(),
    attrs: z.record(z.string(), Attr),
    createdAt: z.string(),
    updatedAt: z.string(),
    mergedInto: z.number().int().nullable(),
  })
  .openapi('Contact');
const ContactDetail = z
  .object({
    contact: Contact,
    tags: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        groupId: z.string().nullable(),
        addedAt: z.string(),
        addedBy: z.string(),
      }),
    ),
    events: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          at: z.string(),
          source: z.object({ kind: z.string(), id: z.string() }).nullable(),
          props: z.record(z.string(), z.unknown()),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  })
  .openapi('ContactDetail');
const Erasure = z
  .object({
    id: z.string(),
    subjectHash: z.string(),
    removed: z.object({ contacts: z.number(), tags: z.number(), events: z.number() }),
    at: z.string(),
  })
  .openapi('Erasure');
export const ContactParams = WorkspaceParam.extend({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const ListQuery = PageQuery.extend({
  q: z.string().max(100).optional().openapi({ description: 'search name, external id, city, phone' }),
  tag: z.string().max(100).optional().openapi({ description: 'only contacts with this tag' }),
});
const DetailQuery = z.object({
  eventsCursor: z.string().optional(),
  eventsLimit: z.coerce.number().int().min(1).max(500).default(50),
});
const base = '/api/v1/workspaces/{ws}/contacts';

export const registerContactRoutes: RouteRegistrar = (app, deps) => {
  const viewer = (a: ReturnType<typeof accessOf>) => ({ role: a.role, kocId: a.kocId });
  const common = { tags: ['contacts'] };

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      ...common,
      method: 'get',
      path: base,
      summary: 'Search contacts (newest first, keyset pages)',
      request: { params: WorkspaceParam, query: ListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(Contact), nextCursor: z.string().nullable() }), 'A page'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const page = await listContacts(deps.store.db, a.workspace.id, c.req.valid('query'), viewer(a));
      return c.json({ items: z.array(Contact).parse(page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: base,
      summary: 'Create a contact',
      request: { params: WorkspaceParam, body: jsonBody(NewContactInput) },
      responses: { 201: jsonContent(Contact, 'Created'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const opts = { viewer: viewer(a), now: deps.clock.now() };
      return c.json(
        Contact.parse(await createContact(deps.store.db, a.workspace.id, c.req.valid('json'), opts)),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'read:own'),
      ...common,
      method: 'get',
      path: `${base}/{id}`,
      summary: 'A contact with its tags and events timeline (newest first, paged)',
      request: { params: ContactParams, query: DetailQuery },
      responses: { 200: jsonContent(ContactDetail, 'The contact'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const q = c.req.valid('query');
      const d = await getContact(deps.store.db, a.workspace.id, c.req.valid('param').id, {
        viewer: viewer(a),
        eventsCursor: q.eventsCursor,
        eventsLimit: q.eventsLimit,
      });
      return c.json(ContactDetail.parse(d), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      summary: 'Change a contact (absent fields are kept, null clears; attrs are merged)',
      request: { params: ContactParams, body: jsonBody(ContactPatch) },
      responses: { 200: jsonContent(Contact, 'Changed'), ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const a = accessOf(c);
      const opts = { viewer: viewer(a), now: deps.clock.now() };
      const r = await updateContact(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        opts,
      );
      return c.json(Contact.parse(r), 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${base}/{id}/merge`,
      summary: 'Merge a duplicate into this contact (tags, events and missing fields move here)',
      request: {
        params: ContactParams,
        body: jsonBody(z.strictObject({ duplicateId: z.number().int().positive() })),
      },
      responses: {
        200: jsonContent(
          z.object({ contact: Contact, moved: z.object({ tags: z.number(), events: z.number() }) }),
          'Merged',
        ),
        ...errorResponses(400, 401, 403, 404, 409, 415),
      },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await mergeContacts(
        deps.store.db,
        a.workspace.id,
        c.req.valid('param').id,
        c.req.valid('json').duplicateId,
        {
          actor: actorOf(a.principal),
          viewer: viewer(a),
          now: deps.clock.now(),
        },
      );
      return c.json({ contact: Contact.parse(r.contact), moved: r.moved }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...guard(deps, 'write'),
      ...common,
      method: 'post',
      path: `${base}/{id}/erase`,
      summary: "Erase a person's data on their request (PIPL): fields, tags and events, everywhere",
      request: { params: ContactParams },
      responses: { 200: jsonContent(Erasure, 'Erased'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const a = accessOf(c);
      const r = await eraseContact(deps.store.db, a.workspace.id, c.req.valid('param').id, {
        actor: actorOf(a.principal),
        now: deps.clock.now(),
      });
      return c.json(Erasure.parse(r), 200);
    },
  );
};
