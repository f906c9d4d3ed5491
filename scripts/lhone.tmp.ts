import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
const url = process.argv[2];
for (let i = 0; i < Number(process.argv[3] || 2); i++) {
  const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  await chrome.kill();
  const au = r!.lhr.audits;
  console.log('TBT', Math.round(au['total-blocking-time'].numericValue!), 'FCP', Math.round(au['first-contentful-paint'].numericValue!));
  const lt = (au['long-tasks'].details as any)?.items ?? [];
  for (const t of lt) console.log('  long task', Math.round(t.startTime), Math.round(t.duration), t.url);
  const mt = (au['mainthread-work-breakdown'].details as any)?.items ?? [];
  console.log('  ', mt.map((m: any) => `${m.group}:${Math.round(m.duration)}`).join(' '));
}
