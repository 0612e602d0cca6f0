/**
 * The one HTTP wrapper: every request the app makes goes through `request()`.
 * JSON in and out, the session cookie as credential, the CSRF token from the
 * `csrftoken` cookie on writes, and every error normalised to `ApiError`.
 */

import { msg, serverLanguage, t } from '../i18n/i18n';
import type { components, paths } from './schema';

/** The server's schemas by name, e.g. `Schemas['Checkin']`. */
export type Schemas = components['schemas'];

export const ALLAUTH_BASE = '/_allauth/browser/v1';
export const API_BASE = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ErrorItem {
  code: string;
  detail: string;
  field: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field: string | null;
  readonly errors: ErrorItem[];
  /** The whole error body, for the few errors that carry more (e.g. `checkin_id`). */
  readonly body: unknown;

  constructor(status: number, errors: ErrorItem[], body: unknown = null) {
    const first = errors[0] ?? { code: 'error', detail: fallbackDetail(status), field: null };
    super(first.detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = first.code;
    this.detail = first.detail;
    this.field = first.field;
    this.errors = errors.length ? errors : [first];
    this.body = body;
  }

  /** The message for one form field, if the server named it. */
  forField(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.detail;
  }
}

export const OFFLINE_DETAIL = msg(
  'You seem to be offline. Check your connection and try again — the crisis page still works.',
);

export class OfflineError extends ApiError {
  constructor() {
    super(0, [{ code: 'offline', detail: t(OFFLINE_DETAIL), field: null }]);
    this.name = 'OfflineError';
  }
}

export function fallbackDetail(status: number): string {
  if (status === 0) return t(OFFLINE_DETAIL);
  if (status === 401 || status === 403) return t('Please log in again to carry on.');
  if (status === 404) return t("We couldn't find that. It may have been removed.");
  if (status === 409) return t('That already happened. Please reload and try again.');
  if (status === 429) return t('That was a lot of tries. Please wait a little, then try again.');
  if (status >= 500) return t('Something went wrong on our side. Please try again in a moment.');
  return t('Something went wrong. Please try again.');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/**
 * Both error shapes we meet become one list:
 * - Shoulder API: `{type, errors: [{code, detail, attr}]}`
 * - allauth headless: `{status, errors: [{code, message, param}]}`
 */
export function normaliseErrors(status: number, body: unknown): ErrorItem[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  const items: ErrorItem[] = [];
  for (const raw of body.errors) {
    if (!isRecord(raw)) continue;
    items.push({
      code: str(raw.code) ?? 'error',
      detail: str(raw.detail) ?? str(raw.message) ?? fallbackDetail(status),
      field: str(raw.attr) ?? str(raw.param),
    });
  }
  return items;
}

export function errorFromResponse(status: number, body: unknown): ApiError {
  return new ApiError(status, normaliseErrors(status, body), body);
}

export function readCookie(name: string, cookieString?: string): string | null {
  const source = cookieString ?? (typeof document !== 'undefined' ? document.cookie : '');
  for (const part of source.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return null;
}

export interface AuthChange {
  status: number;
  body: unknown;
}

type AuthListener = (change: AuthChange) => void;
const authListeners = new Set<AuthListener>();

/** Called when the server says the session changed (allauth 401/410, API 401). */
export function onAuthChange(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/** Told of every API error, before it is thrown (e.g. the app-wide suspension notice). */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/**
 * Conditional polling: the last `ETag` and body of each GET the server tagged (home, a
 * check-in). The next GET of that URL sends `If-None-Match`; a 304 (nothing changed for this
 * person) is answered from here without a body crossing the network. Memory only, a few URLs,
 * forgotten when the session changes.
 */
const conditional = new Map<string, { etag: string; body: unknown }>();
const CONDITIONAL_MAX = 32;

export function forgetConditional(): void {
  conditional.clear();
}

function remember(url: string, etag: string, body: unknown): void {
  conditional.delete(url);
  conditional.set(url, { etag, body });
  if (conditional.size > CONDITIONAL_MAX) {
    const oldest = conditional.keys().next().value;
    if (oldest !== undefined) conditional.delete(oldest);
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Non-2xx statuses that are answers, not errors (allauth's 401 flows). */
  accept?: number[];
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

export async function request<T>(
  method: HttpMethod,
  url: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  // The language picked in the app, so the server's sentences (errors before signing in, the
  // sign-up's emails) match it; signed in, the server uses the profile's language anyway.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': serverLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const cached = method === 'GET' ? conditional.get(url) : undefined;
  if (cached) headers['If-None-Match'] = cached.etag;
  if (method !== 'GET') {
    const token = readCookie('csrftoken');
    if (token) headers['X-CSRFToken'] = token;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new OfflineError();
  }

  if (response.status === 304 && cached) {
    return { status: 200, data: cached.body as T };
  }

  let body: unknown = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }

  const status = response.status;
  const fromAllauth = url.startsWith(ALLAUTH_BASE);
  if ((fromAllauth && (status === 401 || status === 410)) || (!fromAllauth && status === 401)) {
    forgetConditional();
    for (const listener of authListeners) listener({ status, body });
  }

  if (method === 'GET') {
    const etag = response.headers.get('ETag');
    if (response.ok && etag) remember(url, etag, body);
    else conditional.delete(url);
  }
  if (response.ok || options.accept?.includes(status)) {
    return { status, data: body as T };
  }
  const error = errorFromResponse(status, body);
  for (const listener of errorListeners) listener(error);
  throw error;
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, { ...options, body }),
  patch: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', url, { ...options, body }),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, { ...options, body }),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, options),
};

/*
 * Shoulder's own API, typed by the server's OpenAPI schema (`schema.d.ts`, generated by
 * `make api-types`): the path template picks the operation, which fixes its path
 * parameters, its JSON body and its answer. allauth's API is not in that schema and goes
 * through `api` above.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The schema's paths that have method `M`. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : null;
/** The 2xx answer's JSON (null for 204). */
type OkOf<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type PathParams<O> = O extends { parameters: { path?: infer A } } ? NonNullable<A> : never;

/** What the server answers `M path` with (2xx JSON), from the schema. */
export type Answer<M extends Method, P extends PathWith<M>> = OkOf<Op<P, M>>;
/** The JSON body `M path` takes, from the schema. */
export type Body<M extends Method, P extends PathWith<M>> = BodyOf<Op<P, M>>;

export interface CallOptions<M extends Method, P extends PathWith<M>> {
  /** Values for the `{name}` segments of the path template. */
  path?: PathParams<Op<P, M>>;
  query?: Record<string, string | number>;
  body?: Body<M, P>;
  /** The exact URL to fetch instead of the template (a pagination `next` link of the same operation). */
  href?: string;
}

/** `/api/v1/checkins/{checkin_id}/` with its params filled in (each segment encoded). Pure. */
export function fillPath(template: string, params: object = {}, query: Record<string, string | number> = {}): string {
  const values = params as Record<string, unknown>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new TypeError(`Missing path parameter "${name}".`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

export async function call<M extends Method, P extends PathWith<M>>(
  method: M,
  path: P,
  options: CallOptions<M, P> = {},
): Promise<Answer<M, P>> {
  const url = options.href ?? fillPath(path, options.path ?? {}, options.query);
  const res = await request<unknown>(method.toUpperCase() as HttpMethod, url, { body: options.body });
  // The one place an answer becomes its schema type: the server is what generated it.
  return res.data as Answer<M, P>;
}
