import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs } from './chromium';

let browser: Promise<Browser> | undefined;

/** One chromium per test file, started on first use and closed by `closeBrowser`. */
export function getBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: inject('chromiumPath'), args: chromiumArgs });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  if (browser) await (await browser).close();
  browser = undefined;
}

/** Absolute URL of a site path such as `02-perceptron/` (relative to the site's base). */
export function siteUrl(path = ''): string {
  return new URL(path.replace(/^\/+/, ''), inject('baseURL')).href;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far; tests assert it stays empty. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens a path in a fresh browser context (its own localStorage) unless `context` is given to
 * share storage across pages, e.g. to test that progress survives a reload.
 */
export async function openPage(
  path = '',
  options: {
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
    /** A phone: touch events and a mobile viewport (meta viewport honoured). */
    touch?: boolean;
  } = {},
): Promise<OpenedPage> {
  const b = await getBrowser();
  const context = await b.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // A script the Content-Security-Policy refuses, even one that catches the refusal (zod's
  // eval probe did), shows only in DevTools' Issues panel, not the console; count it too.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Audits.enable');
  cdp.on('Audits.issueAdded', ({ issue }) => {
    const csp = issue.details.contentSecurityPolicyIssueDetails;
    if (issue.code === 'ContentSecurityPolicyIssue' && csp) {
      const at = csp.sourceCodeLocation;
      errors.push(
        `CSP refused ${csp.violatedDirective} (${csp.contentSecurityPolicyViolationType})${at ? ` at ${at.url}:${at.lineNumber + 1}:${at.columnNumber + 1}` : ''}`,
      );
    }
  });
  await page.goto(siteUrl(path));
  return { page, errors, close: () => context.close() };
}
