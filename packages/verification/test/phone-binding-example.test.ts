import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startPhoneBindingApp,
  type PhoneBindingApp,
} from '../../../examples/phone-binding/server.js';
import { findBinary, systemBinaryAvailable } from './helpers/system-binary.js';
import { testSecret } from './suite/index.js';

const install = 'apt-get install -y chromium';
const chromiumAvailable = systemBinaryAvailable('chromium', install, '/usr/bin/chromium');

const screenshotPath = join(tmpdir(), 'duanxin-phone-binding.png');

const mainland = '+8613800138000';
const hongKong = '+85291234567';

describe.skipIf(!chromiumAvailable)('examples/phone-binding in headless Chromium', () => {
  let app: PhoneBindingApp;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const executablePath = findBinary('chromium', '/usr/bin/chromium');
    if (!executablePath) {
      throw new Error(`chromium is not installed; install it with: ${install}`);
    }
    // The real clock runs here: without a cooldown, a number may get its second code at once.
    app = await startPhoneBindingApp({ verifier: { secret: testSecret, resendCooldown: 0 } });
    profile = mkdtempSync(join(tmpdir(), 'duanxin-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1100, height: 760 },
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
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (profile) {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  const status = async (contains: string) => {
    await page.locator('#status', { hasText: contains }).waitFor();
  };

  /** The code shown in the page's inbox panel, checked against what the emulator received. */
  const codeShownFor = async (phone: string, messages: number) => {
    await page
      .locator('#inbox li')
      .nth(messages - 1)
      .waitFor();
    const text = await page
      .locator('#inbox li', { hasText: phone })
      .first()
      .locator('.text')
      .innerText();
    const code = /[0-9]{6}/.exec(text)?.[0];
    expect(code).toBe(app.emulator.inbox.list({ to: phone }).at(-1)?.code);
    return code as string;
  };

  const bind = async (phone: string, messages: number) => {
    await page.fill('#bind-phone', phone);
    await page.click('#send-bind-code');
    await status(`Code sent to ${phone}`);
    await page.fill('#bind-code', await codeShownFor(phone, messages));
    await page.click('#bind-form button[type=submit]');
    await status(`${phone} is bound to your account`);
  };

  const boundNumbers = () => page.locator('#phones .number').allInnerTexts();

  it('binds two numbers, then unbinds one with a code sent to the other, through the handler', async () => {
    await page.goto(app.url);
    await expect(page.locator('#user').innerText()).resolves.toBe('alice');
    await page.locator('#no-phones').waitFor();

    await bind(mainland, 1);
    await bind(hongKong, 2);
    await expect(boundNumbers()).resolves.toEqual([hongKong, mainland]);

    await page.locator('#phones li', { hasText: mainland }).getByRole('button').click();
    // Proof comes from the other number: the one being removed is not offered.
    await expect(page.locator('#proof-phone option').allInnerTexts()).resolves.toEqual([hongKong]);
    await page.selectOption('#proof-phone', hongKong);
    await page.click('#send-unbind-code');
    await status(`Code sent to ${hongKong}`);
    await page.fill('#unbind-code', await codeShownFor(hongKong, 3));
    await page.click('#unbind-form button[type=submit]');
    await status(`${mainland} is no longer bound`);
    await expect(boundNumbers()).resolves.toEqual([hongKong]);

    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(`phone-binding screenshot: ${screenshotPath}`);
  }, 60_000);

  it('shows refusals: a number bound already, a wrong code, the last number', async () => {
    await page.fill('#bind-phone', hongKong);
    await page.click('#send-bind-code');
    await status('already bound');

    await page.fill('#bind-phone', mainland);
    await page.fill('#bind-code', '000000');
    await page.click('#bind-form button[type=submit]');
    await status('No code is pending');

    // The last number proves only itself, and is kept: the app does not allow removing it.
    await page.locator('#phones li', { hasText: hongKong }).getByRole('button').click();
    await page.click('#send-unbind-code');
    await status(`Code sent to ${hongKong}`);
    await page.fill('#unbind-code', await codeShownFor(hongKong, 4));
    await page.click('#unbind-form button[type=submit]');
    await status('This is the last way to verify your account');
    await expect(boundNumbers()).resolves.toEqual([hongKong]);
  }, 60_000);
});
