/**
 * The verifier form of NocoBase's legacy admin app, driven in headless Chromium as an admin
 * uses it: a new SMS OTP verifier, a duanxin provider picked, fields filled, submitted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Locator, type Page } from 'playwright-core';

import zhCN from '../../src/locale/zh-CN.json' with { type: 'json' };

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) =>
  existsSync(file)
);

export type AdminFormRun = {
  url: string;
  token: string;
  locale: 'en-US' | 'zh-CN';
  /** The provider's title as the select shows it. */
  provider: string;
  /** Settings field label (English) → text typed, before the first submit. */
  fill: Record<string, string>;
  /** Filled after the errors were read, then submitted again. */
  fix?: Record<string, string>;
  title?: string;
  screenshot: string;
};

export type AdminFormResult = {
  /** Field label (English) → the error shown under it after the first submit. */
  errors: Record<string, string>;
  /** The drawer closed after the last submit: NocoBase saved the verifier. */
  saved: boolean;
  pageErrors: string[];
};

const words = {
  'en-US': { add: 'Add new', type: 'SMS OTP', submit: 'Submit', title: 'Title' },
  'zh-CN': { add: '添加', type: '短信验证码', submit: '提交', title: '标题' },
};

const labelIn = (locale: AdminFormRun['locale'], label: string) =>
  locale === 'zh-CN' ? ((zhCN as Record<string, string>)[label] ?? label) : label;

const itemOf = (drawer: Locator, page: Page, label: string) =>
  drawer
    .locator('.ant-formily-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) })
    .first();

const inputOf = (item: Locator) =>
  item.locator('[contenteditable="true"], input, textarea').first();

export const driveAdminForm = async (run: AdminFormRun): Promise<AdminFormResult> => {
  if (!chromiumPath) {
    throw new Error('chromium is not installed; install it with: apt-get install -y chromium');
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'duanxin-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: run.locale,
    viewport: { width: 1280, height: 1600 },
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
  const pageErrors: string[] = [];
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    // A failed submit rejects with formily's list of errors, which NocoBase leaves unhandled.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const said = words[run.locale];
    // How NocoBase's client keeps a session and a language, set before its own scripts run
    // (which would otherwise write their default language over it).
    await browser.addInitScript(
      ([token, locale]) => {
        const { localStorage } = globalThis as unknown as {
          localStorage: { setItem(key: string, value: string): void };
        };
        localStorage.setItem('NOCOBASE_TOKEN', token);
        localStorage.setItem('NOCOBASE_AUTH', 'basic');
        localStorage.setItem('NOCOBASE_LOCALE', locale);
      },
      [run.token, run.locale] as const
    );
    await page.goto(`${run.url}/admin/settings/verification`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: said.add }).click();
    await page.locator('.ant-dropdown').getByText(said.type, { exact: true }).click();
    const drawer = page.locator('.ant-drawer-content').last();
    if (run.title) {
      await inputOf(itemOf(drawer, page, said.title)).fill(run.title);
    }
    await drawer.locator('.ant-select-selector').first().click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const option = options.filter({ hasText: run.provider });
    if ((await option.count()) === 0) {
      throw new Error(
        `no provider "${run.provider}" among: ${(await options.allInnerTexts()).join(', ')}`
      );
    }
    await option.click();

    const fillIn = async (values: Record<string, string>) => {
      for (const [label, value] of Object.entries(values)) {
        await inputOf(itemOf(drawer, page, labelIn(run.locale, label))).fill(value);
      }
    };
    await fillIn(run.fill);
    await drawer.getByRole('button', { name: said.submit }).click();
    const help = drawer.locator('.ant-formily-item-help');
    await help.first().waitFor();
    const errors: Record<string, string> = {};
    for (const label of Object.keys({ ...run.fill, ...run.fix })) {
      const shown = itemOf(drawer, page, labelIn(run.locale, label)).locator(
        '.ant-formily-item-help'
      );
      if ((await shown.count()) > 0) {
        errors[label] = (await shown.innerText()).trim();
      }
    }
    await page.locator('.ant-drawer-content-wrapper').last().screenshot({ path: run.screenshot });

    let saved = false;
    if (run.fix) {
      await fillIn(run.fix);
      const submit = drawer.getByRole('button', { name: said.submit });
      await submit.click();
      // On a loaded machine a click can land while the form re-renders after the last field and
      // be lost: the drawer then stays open with no error. Submitting again is what a user does.
      const closed = await drawer
        .waitFor({ state: 'hidden', timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (!closed) {
        await submit.click();
        await drawer.waitFor({ state: 'hidden', timeout: 30_000 });
      }
      saved = true;
    }
    return { errors, saved, pageErrors };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
};
