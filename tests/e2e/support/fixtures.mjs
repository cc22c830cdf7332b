// Shared fixtures: every page comes from its own `browser.newContext()` (axe-core needs that,
// TOOLCHAIN.md), and any uncaught page error (a wasm panic, a JS exception) fails the test.
import { test as base, expect } from '@playwright/test';
import { Widget } from '../pages/widget.mjs';

export { expect };

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 360, height: 800 };

export const test = base.extend({
  /**
   * openWidget({ query, contextOptions, initScript, beforeGoto }) -> Widget, mounted and ready.
   * `beforeGoto(context, page)` runs before the first navigation (e.g. to record requests).
   * Contexts are closed after the test; uncaught page errors fail it.
   */
  openWidget: async ({ browser, baseURL }, use, testInfo) => {
    const contexts = [];
    const pageErrors = [];
    await use(async ({ query = '', contextOptions = {}, initScript, beforeGoto } = {}) => {
      const context = await browser.newContext({
        baseURL,
        viewport: DESKTOP,
        locale: 'en-US',
        timezoneId: 'UTC',
        ...contextOptions,
      });
      contexts.push(context);
      if (initScript) await context.addInitScript(initScript);
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
      page.on('console', (msg) => {
        if (msg.type() === 'error') testInfo.annotations.push({ type: 'console.error', description: msg.text() });
      });
      const widget = new Widget(page);
      if (beforeGoto) await beforeGoto(context, page);
      await widget.goto(query);
      return widget;
    });
    for (const context of contexts) await context.close();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },

  /** A fresh English widget at 1280x900. */
  widget: async ({ openWidget }, use) => {
    await use(await openWidget());
  },
});
