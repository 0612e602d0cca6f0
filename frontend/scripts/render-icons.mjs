#!/usr/bin/env node
// Renders the mark (src/assets/mark.svg) to every PNG icon the app needs.
// Run once after changing the mark: `npm run icons`; the PNGs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pub = join(root, 'public');
const iconsDir = join(pub, 'icons');
mkdirSync(iconsDir, { recursive: true });

const BG = '#f6f1ea';
const source = readFileSync(join(root, 'src/assets/mark.svg'), 'utf8');
// The inner drawing of the mark (the <g id="mark">…</g>), drawn on a 64×64 grid.
const mark = source.match(/<g id="mark">[\s\S]*?<\/g>/)[0];

/** The mark scaled to `scale` of the canvas, centred, on an optional background. */
function svg({ scale, background, radius = 0, mono = null }) {
  const s = (64 * scale) / 64;
  const offset = (64 - 64 * s) / 2;
  let drawing = mark;
  if (mono)
    drawing = drawing
      .replace(/fill="#[0-9a-f]{6}"/gi, `fill="${mono}"`)
      .replace(/stroke="#[0-9a-f]{6}"/gi, 'stroke="#000" stroke-opacity="0"');
  const bg = background ? `<rect width="64" height="64" rx="${radius}" fill="${background}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${bg}<g transform="translate(${offset} ${offset}) scale(${s})">${drawing}</g></svg>`;
}

function png(svgText, size) {
  return new Resvg(svgText, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

function write(name, data) {
  writeFileSync(join(pub, name), data);
  console.log('wrote', name, data.length, 'bytes');
}

// "any" icons: full-bleed warm square (the launcher rounds it as it likes).
const any = svg({ scale: 0.86, background: BG });
write('icons/icon-192.png', png(any, 192));
write('icons/icon-512.png', png(any, 512));
// Maskable: full-bleed background, mark inside the inner 80% safe circle.
const maskable = svg({ scale: 0.72, background: BG });
write('icons/maskable-512.png', png(maskable, 512));
// iOS draws its own rounded corners and shows black through transparency.
write('icons/apple-touch-icon-180.png', png(svg({ scale: 0.78, background: BG }), 180));
// Shortcut icon for "Reach out".
write('icons/shortcut-reach-out-96.png', png(svg({ scale: 0.8, background: BG, radius: 14 }), 96));
// Notification badge: Android uses only the alpha channel, so a white silhouette.
write('icons/badge-96.png', png(svg({ scale: 0.95, background: null, mono: '#ffffff' }), 96));
// Favicons.
const fav = svg({ scale: 1, background: null });
writeFileSync(join(pub, 'favicon.svg'), `${fav}\n`);
console.log('wrote favicon.svg');
write('favicon.ico', ico(png(svg({ scale: 1, background: null }), 32), 32));

/** An .ico holding one PNG image (supported by every current browser). */
function ico(pngData, size) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(pngData.length, 14);
  header.writeUInt32LE(22, 18); // offset
  return Buffer.concat([header, pngData]);
}
