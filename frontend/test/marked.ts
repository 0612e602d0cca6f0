/** The English strings the code marks for translation (read from the source, as Vite sees it). */
/** Every source file's text (Vite reads them; the catalogs themselves are left out). */
const SOURCES = import.meta.glob(['../src/**/*.{ts,tsx}', '!../src/**/*.d.ts', '!../src/i18n/catalogs/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every string the code marks: `t('…')`, `msg('…')` and the `other` form of `tn(…)`. */
export function markedStrings(): Set<string> {
  const found = new Set<string>();
  // A string literal in single or double quotes (Biome picks double when the text has a ').
  const quoted = String.raw`(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")`;
  const single = new RegExp(String.raw`\b(?:t|msg)\(\s*${quoted}`, 'g');
  // The forms object may hold `{count}`-style placeholders before `other`.
  const plural = new RegExp(String.raw`\btn\([^,]+,\s*\{(?:[^{}]|\{\w+\})*?\bother:\s*${quoted}`, 'g');
  for (const source of Object.values(SOURCES)) {
    // Comments may show examples; only code counts.
    const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of [...text.matchAll(single), ...text.matchAll(plural)]) {
      found.add((m[1] ?? m[2]).replace(/\\(['"])/g, '$1'));
    }
  }
  return found;
}

/**
 * Every English form of every plural (`one: '{count} friend'` as well as `other`): what a
 * screen may show in English when a plural has no translation.
 */
export function pluralForms(): Set<string> {
  const found = new Set<string>();
  const quoted = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (const source of Object.values(SOURCES)) {
    for (const call of source.matchAll(/\btn\([^,]+,\s*\{((?:[^{}]|\{\w+\})*)\}/g)) {
      for (const m of call[1].matchAll(quoted)) found.add((m[1] ?? m[2]).replace(/\\(['"])/g, '$1'));
    }
  }
  return found;
}

/**
 * Words written straight into the screens' markup, not marked yet: JSX text between tags and
 * the `aria-label`, `placeholder`, `title`, `alt` and `label` attributes given as plain strings.
 */
export function unmarkedMarkup(): Set<string> {
  const found = new Set<string>();
  for (const [file, source] of Object.entries(SOURCES)) {
    if (!file.endsWith('.tsx')) continue;
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    // Text between tags, with any `{expression}` in it as a `{value}` placeholder.
    for (const m of code.matchAll(/>((?:[^<>{}]|\{[^{}<>]*\})*)</g)) {
      const text = m[1].replace(/\{[^{}]*\}/g, '{value}');
      // Between a type's angle brackets is code (`useState<…>(null); const …`), not words.
      if (/[A-Za-z]/.test(text.replaceAll('{value}', '')) && !/[;=]|\)\s*[:?]|^\s*\)|\($/.test(text)) {
        found.add(text.replace(/\s+/g, ' ').trim());
      }
    }
    for (const m of code.matchAll(/\b(?:aria-label|placeholder|title|alt|label)="([^"]*[A-Za-z][^"]*)"/g)) {
      found.add(m[1]);
    }
  }
  found.delete('');
  return found;
}
