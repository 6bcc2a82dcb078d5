// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core,
// with a fresh profile, no network services, and every request recorded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(opts = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: opts.viewport || { width: 1360, height: 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
    ...(opts.context || {}),
  });
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  const failed = [];
  ctx.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  ctx.on('requestfailed', (r) => failed.push(`failed ${r.url()} ${r.failure()?.errorText || ''}`));
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  };
  ctx.on('page', watch);
  for (const p of ctx.pages()) watch(p);
  return {
    ctx,
    requests,
    problems,
    failed,
    page: ctx.pages()[0] || (await ctx.newPage()),
    async close() {
      await ctx.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
