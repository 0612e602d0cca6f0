/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Right-to-left ready: every stylesheet says start and end (`margin-inline-start`,
 * `inset-inline-start`, `text-align: start`), never left and right, so `dir="rtl"` mirrors the
 * whole app. Pointing icons turn under `[dir="rtl"]` themselves.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
/** Every stylesheet under src/ (read from disk: Vitest hands CSS imports over empty). */
const STYLESHEETS: Record<string, string> = Object.fromEntries(
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .sort()
    .map((file) => [`src/${file}`, readFileSync(join(SRC, file), 'utf8')]),
);

/** Properties whose keyword values may be physical sides. */
const SIDE_KEYWORDS = new Set([
  'text-align',
  'text-align-last',
  'float',
  'clear',
  'justify-content',
  'justify-items',
  'justify-self',
  'background-position',
  'background-position-x',
  'object-position',
  'transform-origin',
  'caption-side',
]);
/** Shorthands whose four values go top, right, bottom, left. */
const FOUR_SIDES = /^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/;

/** The top-level values of a declaration (spaces inside `max(…)` and `var(…)` kept together). */
function values(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of value.trim()) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (/\s/.test(ch) && depth === 0) {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Why this declaration is physical (left or right), or null when it reads the same either way. */
function physical(property: string, value: string): string | null {
  const prop = property.trim().toLowerCase();
  if (prop.startsWith('--')) return null;
  if (/(^|-)(left|right)(-|$)/.test(prop)) return 'a left/right property';
  const parts = values(value.replace(/!important/i, ''));
  if (SIDE_KEYWORDS.has(prop) && parts.some((part) => /^(left|right)$/i.test(part.replace(/,$/, '')))) {
    return 'a left/right value';
  }
  if (FOUR_SIDES.test(prop) && parts.length === 4 && parts[1] !== parts[3]) {
    return 'different right and left values';
  }
  if (prop === 'border-radius') {
    // Corners: top-left, top-right, bottom-right, bottom-left (before any "/").
    const [tl, tr = tl, br = tl, bl = tr] = values(value.split('/')[0]);
    if (tl !== tr || br !== bl) return 'different left and right corners';
  }
  return null;
}

/** Every declaration of a stylesheet that is physical: "file:line property: value (why)". */
function physicalDeclarations(file: string, css: string): string[] {
  // Comments go, keeping the line count.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  // The innermost blocks hold the declarations (an @media block holds rules, not declarations).
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    let offset = (block.index ?? 0) + 1;
    for (const declaration of block[1].split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) {
        const property = declaration.slice(0, colon);
        const value = declaration.slice(colon + 1);
        const why = physical(property, value);
        if (why) {
          const start = offset + declaration.length - declaration.trimStart().length;
          const line = text.slice(0, start).split('\n').length;
          found.push(`${file}:${line} ${property.trim()}: ${value.trim()} (${why})`);
        }
      }
      offset += declaration.length + 1;
    }
  }
  return found;
}

describe('stylesheets, ready for right to left', () => {
  it('finds the stylesheets', () => {
    expect(Object.keys(STYLESHEETS).length).toBeGreaterThan(10);
  });

  it('use start and end, never left and right', () => {
    const found = Object.entries(STYLESHEETS).flatMap(([file, css]) => physicalDeclarations(file, css));
    expect(found).toEqual([]);
  });

  it('catches every physical way of saying left or right', () => {
    const css = `.a { margin-left: 1rem; }
      .b { right: 0; border-right: 1px solid; }
      @media (min-width: 40rem) { .c { text-align: left; float: right; } }
      .d { padding: 0 1rem 0 2rem; border-radius: 1rem 0 0 0; }
      .e { border-top-left-radius: 2px; background-position: right 1rem top; }`;
    expect(physicalDeclarations('x.css', css).map((line) => line.split(' ')[1])).toEqual([
      'margin-left:',
      'right:',
      'border-right:',
      'text-align:',
      'float:',
      'padding:',
      'border-radius:',
      'border-top-left-radius:',
      'background-position:',
    ]);
    expect(physicalDeclarations('x.css', css)[0]).toBe('x.css:1 margin-left: 1rem (a left/right property)');
    expect(physicalDeclarations('x.css', css)[4]).toMatch(/^x\.css:3 float/);
  });

  it('lets the logical and the symmetric through', () => {
    const css = `/* margin-left: 1rem */
      .a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; float: inline-start; }
      .b { padding: 0 1rem 2rem; margin: 0 auto; border-radius: 1rem 1rem 0 0; }
      .c { padding-inline: max(1rem, env(safe-area-inset-left), env(safe-area-inset-right)); }
      .d:hover { transform: rotate(45deg); --left-over: 1; }`;
    expect(physicalDeclarations('x.css', css)).toEqual([]);
  });
});
