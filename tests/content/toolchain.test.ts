import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../scripts/node-version.mjs';
import { findChromium } from '../e2e/chromium';

describe('Node version guard', () => {
  it.each(['20.20.2', '22.11.0', 'v18.0.0'])('stops on Node %s with a clear message', (v) => {
    expect(nodeVersionProblem(v)).toMatch(/needs Node >= 22\.12.*running on Node/);
  });
  it.each(['22.12.0', '22.23.3', '24.1.0', 'v26.0.0'])('accepts Node %s', (v) => {
    expect(nodeVersionProblem(v)).toBeNull();
  });
});

describe('finding the browser for UI tests', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, '/nope')).toBe(process.execPath);
  });
  it('fails, never skips, with install instructions when no browser exists', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/no/such/chromium' }, '/no/such/either')).toThrow(
      /apt-get install -y chromium/,
    );
  });
});
