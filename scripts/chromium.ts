import { existsSync } from 'node:fs';

/** Where Debian puts its chromium; CHROMIUM_PATH overrides it. */
export const defaultChromium = '/usr/bin/chromium';

/**
 * The browser the UI tests drive. A missing browser is an error, never a silent skip:
 * a green run must mean the pages were really exercised.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  fallback = defaultChromium,
): string {
  const candidates = [env.CHROMIUM_PATH, fallback].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}).\n` +
      "The browser tests need Debian's chromium: run `sudo apt-get update && sudo apt-get " +
      'install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

/** Flags for a headless, sandboxed-CI-friendly chromium that never phones home. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
