#!/usr/bin/env node
// One Lighthouse run (mobile, the default config) in a fresh Chromium profile, written as
// JSON; tests/perf/test_lighthouse.py runs it and reads the scores.
//   node scripts/lighthouse.mjs <url> <out.json> [--cookie name=value] [--cpu 4]
// --cookie goes into the profile before the run (how Lighthouse's docs test signed-in
// pages); --cpu sets throttling.cpuSlowdownMultiplier (default: Lighthouse's 4).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cookie: { type: 'string' }, cpu: { type: 'string' } },
});
const [url, out] = positionals;
if (!url || !out) {
  console.error('usage: lighthouse.mjs <url> <out.json> [--cookie name=value] [--cpu N]');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  // The brief's flags, as the CLI would pass them (`--chrome-flags`).
  args: ['--headless=new', '--no-sandbox'],
  defaultViewport: null,
});
try {
  const page = await browser.newPage();
  if (values.cookie) {
    const eq = values.cookie.indexOf('=');
    await page.setCookie({ url, name: values.cookie.slice(0, eq), value: values.cookie.slice(eq + 1) });
  }
  const flags = {
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(values.cpu ? { throttling: { cpuSlowdownMultiplier: Number(values.cpu) } } : {}),
  };
  const result = await lighthouse(url, flags, undefined, page);
  if (!result) throw new Error('Lighthouse returned no result');
  writeFileSync(out, JSON.stringify(result.lhr));
  const { categories: c, audits: a } = result.lhr;
  console.log(
    `performance ${c.performance.score} accessibility ${c.accessibility.score} ` +
      `best-practices ${c['best-practices'].score} CLS ${a['cumulative-layout-shift'].numericValue}`,
  );
} finally {
  await browser.close();
}
