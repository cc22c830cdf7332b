// Playwright end-to-end tests for the built widget (dist/, from `trunk build --release`).
// Uses Debian's Chromium: never run `npx playwright install` (it downloads browsers and fails
// on these machines; see /work/shared/TOOLCHAIN.md).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8765);
const BASE_URL = `http://127.0.0.1:${PORT}/`;
// The folder to serve: the release build by default (E2E_DIST to test another build).
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'tests/e2e/artifacts/test-results',
  fullyParallel: false,
  workers: 2, // two cores; the suite was run repeatedly at 2 workers without a flaky result
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // serve.mjs serves the build at / and /tools/aclf/, and examples/ at /examples/ (embedding tests).
  webServer: {
    command: `node tests/e2e/serve.mjs ${DIST} ${PORT}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
