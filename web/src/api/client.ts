/** The one place the workbench talks HTTP: same origin, JSON, the user's API key, errors as ApiError. */

import { askForKey, storedKey } from './key';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status}: ${detail}`);
  }
}

export interface Answer<T> {
  body: T;
  /** The next page's cursor, from the body's `next_cursor` or the X-Next-Cursor header. */
  nextCursor: string | null;
}

function authHeaders(): HeadersInit {
  const key = storedKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function detailOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail)) {
      return detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join('.')}: ${d.msg ?? ''}`).join('; ');
    }
  }
  return fallback;
}

/** Fetches with the stored key; on 401 asks for a key once and retries with it. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const send = (): Promise<Response> =>
    fetch(path, { ...init, headers: { Accept: 'application/json', ...authHeaders(), ...init.headers } });
  let response = await send();
  if (response.status === 401 && (await askForKey())) response = await send();
  return response;
}

/** GET a JSON answer; ApiError with the API's `detail` for any non-2xx status. */
export async function getJson<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<Answer<T>> {
  const query = params && [...params.keys()].length ? `?${params.toString()}` : '';
  const response = await request(`${path}${query}`, { signal: signal ?? null });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, detailOf(body, response.statusText));
  const fromBody = body && typeof body === 'object' && 'next_cursor' in body
    ? (body as { next_cursor: string | null }).next_cursor
    : null;
  return { body: body as T, nextCursor: fromBody ?? response.headers.get('X-Next-Cursor') };
}

/** An id as a path segment (ids hold colons, which are fine, and maybe other characters, which are escaped). */
export function segment(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':');
}
