import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

const E2E_PORT = 3100;
export const E2E_SECRET_KEY = 'e2e-secret-key-0000';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } }],
  webServer: {
    // A fresh database each run: the demo venue is seeded on start.
    command: `rm -rf data/e2e && npm start`,
    // Every test buyer shares 127.0.0.1: a higher hold limit than a real client gets.
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: 'file:./data/e2e/tessera.db',
      TESSERA_SECRET_KEY: E2E_SECRET_KEY,
      NEXT_TELEMETRY_DISABLED: '1',
      HOLD_RATE_LIMIT_PER_MINUTE: '6000',
      HOLD_RATE_LIMIT_BURST: '200',
    },
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
