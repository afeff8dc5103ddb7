// Single sign-on in a real Chromium: the WebUI's "Log in with <provider>" through Keycloak's own login page.
// Environment: AAPF_URL, AAPF_E2E_SCREENSHOTS, AAPF_E2E_CLUSTERS=1 to also create a real cluster, and the realm's
// users: AAPF_E2E_SSO_ADMIN / AAPF_E2E_SSO_ADMIN_PASSWORD (in the admin group), AAPF_E2E_SSO_USER /
// AAPF_E2E_SSO_USER_PASSWORD (granted one image and one performance type), AAPF_E2E_SSO_PROVIDER (button name).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = process.env.AAPF_URL ?? 'http://127.0.0.1:3000';
const SHOTS = process.env.AAPF_E2E_SCREENSHOTS ?? path.join(here, '../target/screenshots');
const REAL_CLUSTERS = process.env.AAPF_E2E_CLUSTERS === '1';
const PROVIDER = process.env.AAPF_E2E_SSO_PROVIDER ?? 'Keycloak';
const ADMIN = process.env.AAPF_E2E_SSO_ADMIN ?? 'alice';
const ADMIN_PASSWORD = process.env.AAPF_E2E_SSO_ADMIN_PASSWORD ?? 'alice-pass';
const USER = process.env.AAPF_E2E_SSO_USER ?? 'bob';
const USER_PASSWORD = process.env.AAPF_E2E_SSO_USER_PASSWORD ?? 'bob-pass';

const browsers = [];
const problems = [];

async function newPage() {
  const browser = await startBrowser(BASE);
  browsers.push(browser);
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (400|401|403|404)/.test(message.text())) problems.push(message.text());
  });
  return page;
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const session = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('aapf.session')));

/** From the WebUI's login page through Keycloak's login form back into the WebUI. */
async function signOn(page, username, password, shots) {
  await page.goto('/');
  const button = page.getByRole('button', { name: `Log in with ${PROVIDER}` });
  await button.waitFor();
  if (shots) await shot(page, 'sso-01-login-page');
  await button.click();
  await page.waitForURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth/);
  await page.locator('#username').waitFor();
  if (shots) await shot(page, 'sso-02-keycloak-login-page');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

async function apiStatus(page, apiPath) {
  const { accessToken } = await session(page);
  const response = await fetch(`${BASE}/api/v1${apiPath}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return response.status;
}

before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  for (const browser of browsers) await browser.close();
});

describe('single sign-on through Keycloak', () => {
  let adminPage;

  test('an admin from the group logs in on the provider\'s page, lands in the WebUI and sees the admin page', async () => {
    adminPage = await newPage();
    await signOn(adminPage, ADMIN, ADMIN_PASSWORD, true);
    assert.equal(await adminPage.locator('#current-user').textContent(), ADMIN);
    const url = adminPage.url();
    const { accessToken, refreshToken } = await session(adminPage);
    assert.ok(url.startsWith(BASE), `back on AAPF: ${url}`);
    for (const secret of [accessToken, refreshToken, 'code=', 'state=', 'session_state']) {
      assert.ok(!url.includes(secret), `nothing secret in the address bar: ${url}`);
    }
    assert.equal(await apiStatus(adminPage, '/api-tokens'), 200, 'the AAPF access token works on the API');
    await shot(adminPage, 'sso-03-landed-in-webui');

    await adminPage.getByRole('link', { name: 'Admin' }).click();
    await adminPage.locator('#admin-users').getByRole('cell', { name: ADMIN, exact: true }).waitFor();
    await shot(adminPage, 'sso-04-admin-page');
  });

  test('the admin creates a cluster that becomes ready, then deletes it', { skip: !REAL_CLUSTERS, timeout: 600_000 },
    async () => {
      const name = `sso-${Date.now()}`;
      await adminPage.goto('/#/clusters/new');
      await adminPage.getByLabel('Name').fill(name);
      await adminPage.getByLabel('Notebook performance type').selectOption('small');
      await adminPage.getByRole('button', { name: 'Create AACluster' }).click();
      await adminPage.getByText(`Accepted creating AACluster named '${name}'.`).waitFor();
      const card = adminPage.locator(`article[data-cluster="${name}"]`);
      await card.and(adminPage.locator('[data-status="created"]')).waitFor({ timeout: 420_000 });
      await shot(adminPage, 'sso-05-cluster-ready');
      await card.getByRole('button', { name: `Delete AACluster ${name}` }).click();
      await adminPage.getByRole('dialog', { name: 'Delete AACluster?' })
        .getByRole('button', { name: 'Delete AACluster' }).click();
      await card.waitFor({ state: 'detached', timeout: 300_000 });
    });

  test('a user of a granted group sees only the granted catalogue and no admin page', async () => {
    const page = await newPage();
    await signOn(page, USER, USER_PASSWORD, false);
    assert.equal(await page.locator('#current-user').textContent(), USER);
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'no admin link');
    assert.equal(await apiStatus(page, '/admin/users'), 403, 'the admin endpoint refuses a non-admin');
    await page.goto('/#/clusters/new');
    const options = async (label) => {
      const all = page.getByLabel(label).locator('option');
      await all.first().waitFor({ state: 'attached' }); // the catalogue loads after the form
      return all.evaluateAll((found) => found.map((o) => o.value));
    };
    assert.deepEqual(await options('Notebook performance type'), ['small'], 'only the granted performance type');
    assert.deepEqual(await options('Notebook image'), ['aa_jupyter_notebook'], 'only the granted image');
    await shot(page, 'sso-06-user-granted-catalogue');

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Token name').fill('sso-token');
    assert.equal(await page.getByLabel('Your password').count(), 0, 'no password to give: the session proves it');
    await page.getByRole('button', { name: 'Create API token' }).click();
    const secret = await page.getByLabel('Secret of the new API token').inputValue();
    const me = await fetch(`${BASE}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200, 'the API token of a single sign-on user works');
    await shot(page, 'sso-07-user-api-token');
  });
});

describe('the pages broke no rule', () => {
  test('no script error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
