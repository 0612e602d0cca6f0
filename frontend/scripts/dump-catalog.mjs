// Prints, as JSON, a language's merged catalog and the English the code shows, for the
// browser journeys that check a screen has no English left (tests/e2e/test_language_journey.py):
//   node scripts/dump-catalog.mjs es  →  {"catalog": {...}, "marked": [...], "plurals": [...], "markup": [...]}
import { createServer } from 'vite';

const language = process.argv[2] ?? 'es';
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const { default: catalog } = await server.ssrLoadModule(`/src/i18n/catalogs/${language}/index.ts`);
  const marked = await server.ssrLoadModule('/test/marked.ts');
  const out = {
    catalog,
    marked: [...marked.markedStrings()].sort(),
    plurals: [...marked.pluralForms()].sort(),
    markup: [...marked.unmarkedMarkup()].sort(),
  };
  process.stdout.write(JSON.stringify(out));
} finally {
  await server.close();
}
