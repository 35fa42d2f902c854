/**
 * Debian's Chromium, as the e2e suite and the renderer benchmark launch it. Playwright cannot download browsers
 * here; without the background-networking flags Chromium floods the closed network with refused connections.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
