/**
 * The one HTTP wrapper: every request the app makes goes through `request()`.
 * JSON in and out, the session cookie as credential, the CSRF token from the
 * `csrftoken` cookie on writes, and every error normalised to `ApiError`.
 */

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

export const OFFLINE_DETAIL =
  'You seem to be offline. Check your connection and try again — the crisis page still works.';

export class OfflineError extends ApiError {
  constructor() {
    super(0, [{ code: 'offline', detail: OFFLINE_DETAIL, field: null }]);
    this.name = 'OfflineError';
  }
}

export function fallbackDetail(status: number): string {
  if (status === 0) return OFFLINE_DETAIL;
  if (status === 401 || status === 403) return 'Please log in again to carry on.';
  if (status === 404) return "We couldn't find that. It may have been removed.";
  if (status === 409) return 'That already happened. Please reload and try again.';
  if (status === 429) return 'That was a lot of tries. Please wait a little, then try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'Something went wrong. Please try again.';
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
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
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
    for (const listener of authListeners) listener({ status, body });
  }

  if (response.ok || options.accept?.includes(status)) {
    return { status, data: body as T };
  }
  throw errorFromResponse(status, body);
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', url, { ...options, body }),
  patch: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', url, { ...options, body }),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', url, { ...options, body }),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, options),
};
