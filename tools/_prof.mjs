import { chromium } from '@playwright/test';
import { startServer } from '../tests/e2e/serve.mjs';
const server = await startServer({ root: '/tmp/distn', port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const agg = new Map(); let total=0;
for (let run=0; run<5; run++){
const ctx = await browser.newContext({ serviceWorkers: 'block' }); const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url); await page.getByTestId('age').waitFor();
const { profile } = await cdp.send('Profiler.stop');
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; agg.set(k, (agg.get(k)||0) + (dt[i]||0)/1000); total+=(dt[i]||0)/1000; });
await ctx.close();
}
console.log('total ms/run', (total/5).toFixed(1));
[...agg.entries()].sort((a,b)=>b[1]-a[1]).slice(0,40).forEach(([k,v])=>console.log((v/5).toFixed(2).padStart(8), k.slice(0,140)));
await browser.close(); await server.close();
