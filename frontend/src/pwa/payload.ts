/**
 * The push payload `{title, body, url, tag, kind}`, read defensively. One parser for the
 * service worker (the push event's text) and the page (what the worker forwards). Pure, and
 * free of window and worker globals so both tsconfigs compile it.
 */

export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  kind: string;
}

/** Any value (the worker's forwarded object, parsed JSON) as a payload with safe defaults. */
export function readPushPayload(raw: unknown): PushPayload {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    title: s(r.title) || 'Shoulder',
    body: s(r.body),
    url: s(r.url) || '/',
    tag: s(r.tag),
    kind: s(r.kind),
  };
}

/** The push event's text: JSON as sent by the server, or plain text shown as the body. */
export function parsePushPayload(text: string | null | undefined): PushPayload {
  if (!text) return readPushPayload(null);
  try {
    return readPushPayload(JSON.parse(text));
  } catch {
    return readPushPayload({ body: text });
  }
}
