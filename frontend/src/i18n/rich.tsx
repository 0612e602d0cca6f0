import type { ComponentChildren } from 'preact';

/**
 * A translated sentence with marked parts, so a link can sit anywhere the language puts it:
 * `rich(t('See <0>the crisis page</0> now.'), [(text) => <a href="/crisis">{text}</a>])`.
 */
export function rich(text: string, parts: ((inner: string) => ComponentChildren)[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(/<(\d+)>(.*?)<\/\1>/g)) {
    out.push(text.slice(last, m.index));
    const part = parts[Number(m[1])];
    out.push(part ? part(m[2]) : m[2]);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}
