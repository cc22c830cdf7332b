import { chromium } from '@playwright/test';
import { startServer } from '../tests/e2e/serve.mjs';
const [dir, sel] = process.argv.slice(2);
const server = await startServer({ root: dir, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const rows=[];
for (let i=0;i<12;i++){
  const ctx = await browser.newContext({ serviceWorkers: 'block' }); const page = await ctx.newPage();
  await page.addInitScript(`
    window.__t={};
    const wrap=(name)=>{const o=WebAssembly[name];WebAssembly[name]=async(...a)=>{window.__t.instStart??=performance.now();const r=await o.apply(WebAssembly,a);window.__t.instEnd=performance.now();return r;};};
    wrap('instantiateStreaming');wrap('instantiate');
    new MutationObserver((_,o)=>{ if(document.querySelector(${JSON.stringify(sel)}) && !window.__t.ready){window.__t.ready=performance.now();o.disconnect();} }).observe(document,{childList:true,subtree:true});`);
  await page.goto(server.url); await page.waitForFunction(()=>window.__t.ready);
  rows.push(await page.evaluate(()=>{const w=performance.getEntriesByType('resource').find(e=>e.name.endsWith('.wasm'));return {...window.__t, wasm:w.responseEnd, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime}}));
  await ctx.close();
}
const med=k=>{const v=rows.map(r=>r[k]).filter(x=>x!=null).sort((a,b)=>a-b);return v[Math.floor(v.length/2)]?.toFixed(1)};
console.log(dir,'instStart',med('instStart'),'wasm',med('wasm'),'instEnd',med('instEnd'),'ready',med('ready'));
await browser.close(); await server.close();
