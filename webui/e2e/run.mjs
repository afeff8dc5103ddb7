// End-to-end tests of the AAPF WebUI in a real Chromium against a running AAPF server.
// Environment: AAPF_URL (e.g. http://127.0.0.1:3000), AAPF_E2E_USER, AAPF_E2E_PASSWORD (an existing user),
// AAPF_E2E_SCREENSHOTS (default webui/target/screenshots), AAPF_E2E_CLUSTERS=1 to also run the tests that need
// the real cluster API with a working backend.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBrowser } from './browser.mjs';
import { catalogue, stubClusterApi } from './stub-clusters.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = process.env.AAPF_URL ?? 'http://127.0.0.1:3000';
const USER = process.env.AAPF_E2E_USER ?? 'user1';
let password = process.env.AAPF_E2E_PASSWORD ?? 'user1pass';
const SHOTS = process.env.AAPF_E2E_SCREENSHOTS ?? path.join(here, '../target/screenshots');
const REAL_CLUSTERS = process.env.AAPF_E2E_CLUSTERS === '1';

let browser;
let page;
const problems = [];

async function api(method, apiPath, { token, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${BASE}/api/v1${apiPath}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

async function shot(name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function logIn(secret = password) {
  await page.goto('/');
  await page.getByLabel('User name').fill(USER);
  await page.getByLabel('Password').fill(secret);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

const session = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('aapf.session')));

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await startBrowser(BASE);
  page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // a refused CSP directive or a failed script shows up here; the API's expected 4xx answers do too, so skip those
    if (message.type() === 'error' && !/status of (400|401|404)/.test(message.text())) problems.push(message.text());
  });
});

after(async () => {
  await browser?.close();
});

describe('accounts', () => {
  test('wrong password shows the API message, then the right one logs in by keyboard', async () => {
    const expected = (await api('POST', '/login', { body: { username: USER, password: 'not-the-password' } })).body.message;
    await page.goto('/');
    await page.getByLabel('User name').fill(USER);
    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await assertAlert(expected);
    await shot('01-login-wrong-password');

    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    assert.equal(await page.locator('#current-user').textContent(), USER);
    assert.ok(!page.url().includes((await session()).accessToken), 'no token in the URL');
  });

  test('API tokens: create shows the secret once, it works, list and delete revoke it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'Manage AAPF API Tokens' }).waitFor();
    await page.getByLabel('Token name').fill('e2e-token');
    await page.getByLabel('Your password').fill(password);
    await page.getByRole('button', { name: 'Create API token' }).click();

    const secretField = page.getByLabel('Secret of the new API token');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    assert.ok(secret.length > 20, 'a secret is shown');
    assert.equal((await api('GET', '/api-tokens', { token: secret })).status, 200, 'the secret is a working API token');
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await assertRow('e2e-token');
    await shot('02-api-token-created');

    await page.getByRole('button', { name: 'I have copied it, hide it' }).click();
    await page.reload();
    await assertRow('e2e-token');
    assert.equal(await page.getByLabel('Secret of the new API token').count(), 0, 'the secret is shown only once');
    assert.ok(!(await page.content()).includes(secret));

    await page.getByLabel('Token name').fill('e2e-token');
    await page.getByLabel('Your password').fill(password);
    await page.getByRole('button', { name: 'Create API token' }).click();
    await assertAlert((await api('POST', '/api-tokens/e2e-token', { token: secret, body: { password } })).body.message);

    await page.getByRole('button', { name: 'Delete API token e2e-token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete API token?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await api('GET', '/api-tokens', { token: secret })).status, 200, 'Escape cancels the deletion');

    await page.getByRole('button', { name: 'Delete API token e2e-token' }).click();
    await dialog.getByRole('button', { name: 'Delete API token' }).click();
    await page.getByText("Deleted the API token 'e2e-token'.").waitFor();
    await page.locator('#no-tokens').waitFor();
    assert.equal((await api('GET', '/api-tokens', { token: secret })).status, 401, 'the deleted token stops working');
    await shot('03-api-tokens-after-delete');
  });

  test('the access token is refreshed before it expires', async (t) => {
    const { accessToken } = await session();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url'));
    if (claims.exp - claims.iat > 120) return t.skip('access tokens live longer than 2 minutes on this server');
    const waitMs = (claims.exp - 60) * 1000 - Date.now() + 3000;
    await page.waitForTimeout(Math.max(waitMs, 0));
    await page.waitForFunction((old) => JSON.parse(sessionStorage.getItem('aapf.session'))?.accessToken !== old, accessToken);
    const fresh = (await session()).accessToken;
    assert.equal((await api('GET', '/api-tokens', { token: fresh })).status, 200);
  });

  test('change password: wrong old password shows the API message; success logs out; new password works', async () => {
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByLabel('Current password').fill('wrong-old-password');
    await page.getByLabel('New password', { exact: true }).fill('e2e-new-pass-1');
    await page.getByLabel('New password again').fill('e2e-new-pass-1');
    await page.getByRole('button', { name: 'Change password' }).click();
    const wrong = await api('PUT', '/password', { token: (await session()).accessToken,
      body: { oldPassword: 'wrong-old-password', newPassword: 'e2e-new-pass-1' } });
    await assertAlert(wrong.body.message);

    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed !').waitFor();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await shot('04-password-changed');
    password = 'e2e-new-pass-1';
    await logIn();
  });

  test('log out ends the session on the server and forgets the tokens', async () => {
    const { accessToken } = await session();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('You have logged out.').waitFor();
    assert.equal(await session(), null);
    assert.equal((await api('GET', '/api-tokens', { token: accessToken })).status, 401);
    await shot('05-logged-out');
    await logIn();
  });
});

describe('cluster pages (cluster API stubbed in the browser)', () => {
  let stub;
  before(async () => {
    stub = await stubClusterApi(page);
  });
  after(async () => {
    await page.unrouteAll({ behavior: 'wait' });
  });

  test('the list shows services, instances, status, health, alerts and the progress of a starting cluster', async () => {
    await page.goto('/#/clusters');
    const ready = page.locator('article[data-cluster="analysis"]');
    await ready.waitFor();
    await ready.getByText('Worker 2 restarted after running out of memory.').waitFor();
    assert.equal(await ready.locator('.badge.status-created').first().textContent(), 'created');
    assert.equal(await ready.locator('.health-unhealthy').count(), 1);
    assert.ok(await ready.getByRole('button', { name: 'Open notebook of analysis' }).isEnabled());
    const starting = page.locator('article[data-cluster="starting-one"]');
    await starting.getByText('Starting: 0 of 1 instances ready').waitFor();
    await starting.getByText('jupyter-notebook #1 is running.').waitFor();
    assert.ok(await starting.getByRole('button', { name: 'Open notebook of starting-one' }).isDisabled());
    await shot('06-cluster-list');

    const polls = stub.requests.filter((r) => r.path === '/api/v1/aaclusters').length;
    stub.clusters[1].status = 'created';
    stub.clusters[1].services[0].instances[0].status = 'ready';
    await starting.locator('[data-status="created"], .badge.status-created').first().waitFor({ timeout: 10_000 });
    assert.ok(stub.requests.filter((r) => r.path === '/api/v1/aaclusters').length > polls, 'the list polls');
  });

  test('the create form offers the catalogue with cpu, memory and GPU and posts the API body', async () => {
    await page.getByRole('link', { name: 'New AACluster' }).first().click();
    await page.getByLabel('Name').fill('new-one');
    const perf = page.getByLabel('Notebook performance type');
    assert.deepEqual(await perf.locator('option').allTextContents(),
      ['Small — 0.5 CPU · 1024 MiB · no GPU', 'GPU — 4 CPU · 16384 MiB · 1 GPU']);
    await page.getByLabel('Add Spark workers').check();
    await page.getByLabel('Spark worker performance type').selectOption('x-gpu');
    await page.getByLabel('Number of Spark workers').fill('3');
    await shot('07-create-form');
    await page.getByRole('button', { name: 'Create AACluster' }).click();
    await page.getByText("Accepted creating AACluster named 'new-one'.").waitFor();
    const post = stub.requests.find((r) => r.method === 'POST');
    assert.deepEqual(post.body, {
      jupyterNotebook: { image: { repositoryName: catalogue.images[0].repositoryName }, perfType: 'small' },
      sparkWorker: { image: { repositoryName: 'aa_spark' }, perfType: 'x-gpu', numberOfInstances: 3 },
    });
  });

  test('a refused create shows the API message', async () => {
    await page.goto('/#/clusters/new');
    await page.getByLabel('Name').fill('analysis');
    await page.getByRole('button', { name: 'Create AACluster' }).click();
    await assertAlert("An AACluster named 'analysis' already exists.");
  });

  test('spark workers are resized with a PATCH', async () => {
    await page.goto('/#/clusters');
    await page.getByLabel('Spark workers of analysis').fill('3');
    await page.getByRole('button', { name: 'Resize workers' }).click();
    await page.getByText("Accepted resizing the Spark workers of AACluster named 'analysis' to 3.").waitFor();
    const patch = stub.requests.find((r) => r.method === 'PATCH');
    assert.deepEqual(patch.body, { sparkWorker: { numberOfInstances: 3 } });
  });

  test('stop and start send their POSTs and the card shows the state', async () => {
    await page.goto('/#/clusters');
    await page.getByRole('button', { name: 'Stop AACluster analysis' }).click();
    await page.getByText("Accepted stopping AACluster named 'analysis'.").waitFor();
    const card = page.locator('article[data-cluster="analysis"][data-status="stopped"]');
    await card.waitFor();
    assert.ok(await card.getByRole('button', { name: 'Open notebook of analysis' }).isDisabled());
    await shot('08-stopped-cluster');
    await card.getByRole('button', { name: 'Start AACluster analysis' }).click();
    await page.getByText("Accepted starting AACluster named 'analysis'.").waitFor();
    const posts = stub.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    assert.deepEqual(posts.filter((p) => /\/(stop|start)$/.test(p)),
      ['/api/v1/aaclusters/analysis/stop', '/api/v1/aaclusters/analysis/start']);
  });

  test('delete asks for confirmation, then sends DELETE', async () => {
    await page.goto('/#/clusters');
    await page.getByRole('button', { name: 'Delete AACluster analysis' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete AACluster?' });
    await dialog.waitFor();
    await shot('08-delete-confirmation');
    assert.equal(stub.requests.filter((r) => r.method === 'DELETE').length, 0, 'nothing deleted before confirming');
    await dialog.getByRole('button', { name: 'Delete AACluster' }).click();
    await page.getByText("Accepted deleting AACluster named 'analysis'.").waitFor();
    assert.equal(stub.requests.filter((r) => r.method === 'DELETE').length, 1);
  });
});

describe('real AAClusters (needs the cluster API and a backend: AAPF_E2E_CLUSTERS=1)', { skip: !REAL_CLUSTERS }, () => {
  const name = `e2e-${Date.now()}`;

  test('create a cluster, watch it become ready, open its notebook, delete it', { timeout: 600_000 }, async () => {
    await page.goto('/#/clusters/new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Notebook performance type').selectOption('small');
    await page.getByRole('button', { name: 'Create AACluster' }).click();
    await page.getByText(`Accepted creating AACluster named '${name}'.`).waitFor();
    const card = page.locator(`article[data-cluster="${name}"]`);
    await card.waitFor();
    await shot('10-real-cluster-starting');
    await card.and(page.locator('[data-status="created"]')).waitFor({ timeout: 420_000 });
    await shot('11-real-cluster-ready');

    const [notebook] = await Promise.all([
      page.context().waitForEvent('page'),
      card.getByRole('button', { name: `Open notebook of ${name}` }).click(),
    ]);
    // 'commit': we landed on the tree (so the login worked); the tree page's own assets may keep loading.
    try {
      await notebook.waitForURL(/\/proxy\/[a-z0-9]+\/jupyter\/tree/, { timeout: 60_000, waitUntil: 'commit' });
    } catch (e) {
      await notebook.screenshot({ path: path.join(SHOTS, '12-real-notebook-failed.png') }).catch(() => {});
      throw new Error(`the notebook tab stayed at ${notebook.url()}: ${e.message}`);
    }
    assert.ok(!notebook.url().includes('token'), 'the Jupyter token stays out of the address bar');
    assert.equal(await notebook.evaluate(() => window.opener), null, 'the notebook cannot reach the AAPF page');
    await notebook.screenshot({ path: path.join(SHOTS, '12-real-notebook-tree.png') });
    await notebook.close();

    await card.getByRole('button', { name: `Delete AACluster ${name}` }).click();
    await page.getByRole('dialog', { name: 'Delete AACluster?' }).getByRole('button', { name: 'Delete AACluster' }).click();
    await card.waitFor({ state: 'detached', timeout: 300_000 });
  });
});

describe('the pages broke no rule', () => {
  test('no script error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});

async function assertAlert(message) {
  assert.ok(message, 'the API gave a message to compare with');
  await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 10_000 });
}

async function assertRow(name) {
  await page.getByRole('cell', { name, exact: true }).waitFor();
}
