#!/usr/bin/env node
// Gzip and Brotli copies of the built text files (dist/**/x.js -> x.js.gz, x.js.br), made
// once at build time: WhiteNoise serves them to browsers that accept them (it compresses
// nothing on the fly). Kept only where they save at least 5%, as WhiteNoise's own
// compressor does. Run by `npm run build`.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const TEXT = /\.(?:js|css|html|svg|webmanifest|json|ico|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let saved = 0;
for (const path of files(dist)) {
  if (path.endsWith('.gz') || path.endsWith('.br')) {
    unlinkSync(path); // a stale copy from an earlier build
    continue;
  }
  if (!TEXT.test(path)) continue;
  const raw = readFileSync(path);
  const variants = [
    ['.gz', gzipSync(raw, { level: 9 })],
    ['.br', brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })],
  ];
  for (const [ext, body] of variants) {
    if (body.length > raw.length * 0.95) continue;
    writeFileSync(path + ext, body);
    if (ext === '.br') saved += raw.length - body.length;
  }
}
console.log(`compressed dist: brotli saves ${(saved / 1024).toFixed(1)} KB`);
