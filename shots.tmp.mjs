import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[390, 844], [1280, 800]]) for (const scheme of ['light', 'dark']) {
  const p = await b.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
  await p.goto('http://localhost:4177/mole/what-mole-asks/');
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/shots/step-${w}-${scheme}.png` });
  await p.goto('http://localhost:4177/');
  await p.locator('#hot-dog .tryit-slot').scrollIntoViewIfNeeded();
  await p.locator('[data-tryit="hot-dog"][data-ready="true"]').waitFor();
  await p.locator('[data-tryit="hot-dog"]').scrollIntoViewIfNeeded();
  await p.waitForTimeout(600);
  await p.screenshot({ path: `/tmp/shots/try-${w}-${scheme}.png` });
  await p.close();
}
await b.close();
