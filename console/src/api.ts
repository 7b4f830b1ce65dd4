// The console's only door to the server: JSON in and out, the session cookie, and the CSRF header.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Messages by field name, read from the details of a validation error. */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.details, this.message);
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request finds the session gone (expired or logged out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  /** Aborting rejects with the DOMException 'AbortError' (not an ApiError), so callers can ignore it. */
  signal?: AbortSignal;
  /** Sends `body` as is (a File or Blob) with this content type instead of as JSON. */
  rawType?: string;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (MUTATIONS.has(method)) {
    // Declared even without a body: the server refuses a bodiless DELETE that names no JSON type.
    // A FormData body names its own multipart type (with the boundary), so the browser sets it.
    if (!(body instanceof FormData)) headers['Content-Type'] = opts.rawType ?? 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      signal: opts.signal,
      body:
        body === undefined
          ? undefined
          : body instanceof FormData
            ? body
            : opts.rawType
              ? (body as Blob)
              : JSON.stringify(body),
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e), null);
  }
  const text = res.status === 204 ? '' : await res.text();
  const data = parseJson(text);
  if (!res.ok) {
    const body = errorOf(data);
    const err = new ApiError(
      res.status,
      body?.code ?? `HTTP_${res.status}`,
      body?.message || res.statusText || `HTTP ${res.status}`,
      body?.details ?? null,
    );
    if (err.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, opts),
  /** POSTs a file as the request body, typed `contentType` (the import routes read the raw body). */
  upload: <T>(path: string, file: Blob, contentType: string) =>
    request<T>('POST', path, file, { rawType: contentType }),
  /** POSTs multipart/form-data (the material library's file uploads). */
  form: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

/** `/api/v1/workspaces/<slug>/<rest...>` with each part escaped. */
export function wsPath(slug: string, ...rest: (string | number)[]): string {
  const parts = [slug, ...rest].map((p) => encodeURIComponent(String(p)));
  return `/api/v1/workspaces/${parts.join('/')}`;
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'CLIENT', e instanceof Error ? e.message : String(e), null);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function errorOf(data: unknown): { code?: string; message?: string; details?: unknown } | null {
  if (!isRecord(data) || !isRecord(data.error)) return null;
  const { code, message, details } = data.error;
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
    details,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Field errors come as a list of issues ({path: "json.email", message}) from request validation,
// or as {field} naming the one field the error's own message is about; the first message per field wins.
const TARGET_PREFIX = /^(json|query|param|form)(\.|$)/;

function fieldErrorsOf(details: unknown, message: string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (path: unknown, text: unknown) => {
    const key = (Array.isArray(path) ? path.map(String).join('.') : String(path ?? '')).replace(
      TARGET_PREFIX,
      '',
    );
    if (key && typeof text === 'string' && !(key in out)) out[key] = text;
  };
  if (!isRecord(details)) return out;
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) if (isRecord(issue)) add(issue.path, issue.message);
  }
  if (typeof details.field === 'string') add(details.field, message);
  return out;
}
