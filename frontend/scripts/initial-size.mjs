#!/usr/bin/env node
// Gzip size of what `/` loads on a first visit: the JS and CSS index.html
// references (entry + modulepreloads + stylesheet), then the same plus the
// page chunk a signed-out visitor is sent to (/login) with its imports.
// Budget: 50 KB gzip. Run after `npm run build`: `npm run size`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const BUDGET = 50 * 1024;

const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);

function gz(file) {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

/** A chunk and everything it imports statically (Vite also preloads a chunk's CSS). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) closure(`assets/${m[1]}`, seen);
  return seen;
}

const initial = new Set(refs.flatMap((f) => [...closure(f)]));
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log('index.html loads:');
for (const f of initial) console.log(`  ${f.padEnd(40)} ${kb(gz(f))}`);
const initialTotal = sum(initial);
console.log(`initial JS+CSS (gzip): ${kb(initialTotal)}`);

const login = readdirSync(join(dist, 'assets')).find((f) => /^Login-.*\.js$/.test(f));
const firstScreen = new Set(initial);
if (login) {
  for (const f of closure(`assets/${login}`)) firstScreen.add(f);
  const loginCss = readdirSync(join(dist, 'assets')).find((f) => /^Login-.*\.css$/.test(f));
  if (loginCss) firstScreen.add(`assets/${loginCss}`);
}
const firstTotal = sum(firstScreen);
console.log(`first screen signed out (initial + /login chunk): ${kb(firstTotal)}  (budget ${kb(BUDGET)})`);
if (firstTotal > BUDGET) {
  console.error('over budget');
  process.exit(1);
}
