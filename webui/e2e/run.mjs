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
import { HOSTILE_HTML, hostileNotebook } from './hostile-page.mjs';
import { catalogue, stubClusterApi } from './stub-clusters.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = process.env.AAPF_URL ?? 'http://127.0.0.1:3000';
const USER = process.env.AAPF_E2E_USER ?? 'user1';
let password = process.env.AAPF_E2E_PASSWORD ?? 'user1pass';
const SHOTS = process.env.AAPF_E2E_SCREENSHOTS ?? path.join(here, '../target/screenshots');
const REAL_CLUSTERS = process.env.AAPF_E2E_CLUSTERS === '1';
// AAPF_E2E_ADMIN=1: AAPF_E2E_USER is an admin (aapf users admin NAME --grant), so the admin page is tested too
const ADMIN = process.env.AAPF_E2E_ADMIN === '1';
// the attacker of the notebook-isolation test: a second existing user
const USER_A = process.env.AAPF_E2E_USER_A;
const PASSWORD_A = process.env.AAPF_E2E_PASSWORD_A;

let browser;
let page;
const problems = [];
let expectingAttacks = false; // the hostile pages' refused requests are the point, not problems
const droppedOnPurpose = new Set(); // URLs whose requests a test cuts as a network change would

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
  page.on('pageerror', (error) => expectingAttacks || problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // a refused CSP directive or a failed script shows up here; the API's expected 4xx answers do too, so skip those,
    // and requests Chromium dropped because the host's interfaces changed (the engine adds and removes a veth for
    // every container the tests start and stop): the WebUI tries such a read again
    if (message.type() === 'error' && !expectingAttacks && !droppedOnPurpose.has(message.location().url)
        && !/status of (400|401|404)|net::ERR_NETWORK_CHANGED/.test(message.text())) {
      problems.push(message.text());
    }
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

  test('a performance type the backend cannot run is disabled with its reason; the smallest runnable is preselected',
    async () => {
      catalogue.perfTypes.unshift({ name: 'a-huge', displayName: 'Huge',
        resources: { cpu: 64, memory: 262144, 'nvidia.com/gpu': null }, available: false,
        unavailableReason: 'it needs 64 CPU; the most any host has is 2 CPU (the Docker host).' });
      try {
        await page.goto('/#/clusters');
        await page.goto('/#/clusters/new');
        const perf = page.getByLabel('Notebook performance type');
        await perf.locator('option[value="a-huge"]').waitFor({ state: 'attached' });
        assert.equal(await perf.inputValue(), 'small');
        const huge = perf.locator('option[value="a-huge"]');
        assert.ok(await huge.isDisabled());
        assert.match(await huge.textContent(), /cannot run here: it needs 64 CPU; the most any host has is 2 CPU/);
      } finally {
        catalogue.perfTypes.shift();
      }
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
      await notebook.waitForURL(/^http:\/\/[a-z0-9]+\.localhost:\d+\/proxy\/[a-z0-9]+\/jupyter\/tree/,
      { timeout: 60_000, waitUntil: 'commit' });
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

describe('notebook isolation: a page from user A\'s notebook cannot reach user B (needs AAPF_E2E_CLUSTERS=1 and AAPF_E2E_USER_A)',
  { skip: !REAL_CLUSTERS || !USER_A }, () => {
  const stamp = Date.now();
  const clusterA = `e2e-a-${stamp}`;
  const clusterB = `e2e-b-${stamp}`;
  let tokenA;
  let tokenB;

  async function readyNotebook(token, name) {
    for (let i = 0; i < 300; i++) {
      const { body } = await api('GET', `/aaclusters/${name}`, { token });
      const instance = body.aacluster?.services.find((s) => s.name === 'jupyter-notebook')?.instances[0];
      if (body.aacluster?.status === 'created' && instance?.status === 'ready') return instance;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(`${name} did not become ready`);
  }

  async function jupyter(method, url, token, body) {
    const response = await fetch(url, { method, headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body) });
    assert.ok(response.ok, `${method} ${url}: ${response.status}`);
  }

  /** Opens `url` in the tab that holds B's WebUI session and returns what the hostile page reported. */
  async function attackFrom(url) {
    await page.goto(url);
    const report = page.locator('#attack-report[data-done]');
    await report.waitFor({ state: 'attached', timeout: 90_000 });
    return JSON.parse(await report.textContent());
  }

  function print(t, title, result) {
    t.diagnostic(`${title} (page origin ${result.origin}):`);
    for (const [name, ways] of Object.entries(result.report)) {
      for (const way of ways) t.diagnostic(`  ${way.ok ? 'SUCCEEDED' : 'blocked  '}  ${name} via ${way.how}: ${way.detail}`);
    }
  }

  const succeeded = (result, name) => result.report[name].some((way) => way.ok);

  after(async () => {
    // leave the notebooks' pages before their clusters go: a Jupyter page still open keeps connecting to its kernel,
    // and a connection the deleted notebook cuts is a 502 in the console (the attacks' own errors are ignored until
    // the page is gone)
    await page.goto('about:blank').catch(() => {});
    expectingAttacks = false;
    await page.unrouteAll({ behavior: 'wait' }).catch(() => {});
    if (tokenA) await api('DELETE', `/aaclusters/${clusterA}`, { token: tokenA });
    if (tokenB) await api('DELETE', `/aaclusters/${clusterB}`, { token: tokenB });
  });

  test('every attempt fails from A\'s notebook origin and succeeds on AAPF\'s own origin', { timeout: 600_000 }, async (t) => {
    tokenA = (await api('POST', '/login', { body: { username: USER_A, password: PASSWORD_A } })).body.accessToken;
    tokenB = (await api('POST', '/login', { body: { username: USER, password } })).body.accessToken;
    const body = { jupyterNotebook: { image: { repositoryName: 'aa_jupyter_notebook' }, perfType: 'small' } };
    assert.equal((await api('POST', `/aaclusters/${clusterA}`, { token: tokenA, body })).status, 202);
    assert.equal((await api('POST', `/aaclusters/${clusterB}`, { token: tokenB, body })).status, 202);
    const [notebookA, notebookB] = [await readyNotebook(tokenA, clusterA), await readyNotebook(tokenB, clusterB)];
    const port = new URL(BASE).port;
    const idOf = (instance) => instance.urlPath.split('/')[2];
    const originB = `http://${idOf(notebookB)}.localhost:${port}`;
    const originA = `http://${idOf(notebookA)}.localhost:${port}`;

    // B keeps a file in B's notebook (through AAPF's origin, as programmatic clients do); A plants the hostile page
    await jupyter('PUT', `${BASE}${notebookB.urlPath}/api/contents/secret.txt`, notebookB.jupyterToken,
      { type: 'file', format: 'text', content: `B-SECRET-${stamp}` });
    await jupyter('PUT', `${BASE}${notebookA.urlPath}/api/contents/hostile.ipynb`, notebookA.jupyterToken, hostileNotebook());
    await jupyter('POST', `${BASE}${notebookA.urlPath}/api/contents/hostile.ipynb/trust`, notebookA.jupyterToken);

    // B is logged in to the WebUI (this tab) and, through "Open notebook", to B's own notebook on its own origin
    await page.goto('/');
    if (!(await session())) await logIn();
    await page.goto('/#/clusters');
    const card = page.locator(`article[data-cluster="${clusterB}"]`);
    await card.and(page.locator('[data-status="created"]')).waitFor({ timeout: 60_000 });
    const [tab] = await Promise.all([page.context().waitForEvent('page'),
      card.getByRole('button', { name: `Open notebook of ${clusterB}` }).click()]);
    await tab.waitForURL(`${originB}${notebookB.urlPath}/tree`, { timeout: 60_000, waitUntil: 'commit' });
    assert.ok(!tab.url().includes('token'), 'the token stays out of the address bar');
    await tab.close();

    const target = new URLSearchParams({ aapf: BASE, victim: clusterB, nb: `${originB}${notebookB.urlPath}`,
      path: notebookB.urlPath });
    expectingAttacks = true;

    // the control: the same page served on AAPF's own origin (a test fixture), in the tab that holds B's session
    await page.route(`${BASE}/e2e-hostile.html`, (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE_HTML }));
    const control = await attackFrom(`${BASE}/e2e-hostile.html#${target}`);
    print(t, 'control: the hostile page on AAPF\'s origin', control);
    // and on B's notebook origin, the one origin that may frame B's notebook: the framing code itself works
    await page.route(`${originB}/proxy/e2e-hostile.html`, (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE_HTML }));
    await page.goto('/');
    const frameControl = await attackFrom(`${originB}/proxy/e2e-hostile.html#${target}`);
    print(t, 'control: the hostile page on B\'s notebook origin', frameControl);

    // the attack: A's real notebook serves the page (A hands out A's own token in the link B follows)
    await page.goto('/');
    const attack = await attackFrom(`${originA}${notebookA.urlPath}/notebooks/hostile.ipynb?token=${notebookA.jupyterToken}#${target}`);
    print(t, 'attack: the hostile page served by A\'s notebook', attack);

    assert.equal(attack.origin, originA, 'the hostile page ran on A\'s notebook origin');
    for (const name of Object.keys(attack.report)) {
      assert.ok(!succeeded(attack, name), `from A's notebook: ${name} must fail: ${JSON.stringify(attack.report[name])}`);
    }
    for (const name of ['read the WebUI session', "call the API with B's credentials", "read B's files"]) {
      assert.ok(succeeded(control, name), `control on AAPF's origin: ${name} must work: ${JSON.stringify(control.report[name])}`);
    }
    assert.ok(succeeded(frameControl, "frame B's notebook and read it"), 'control: framing works where it is same-origin');
  });
});

describe('admin page (needs AAPF_E2E_ADMIN=1)', { skip: !ADMIN }, () => {
  test('lists every user with their use of limits, sets a user\'s limit, and lists every AACluster', async () => {
    await page.goto('/#/clusters');
    if (!(await session())) await logIn();
    // the first read of the users is cut as a network change cuts it: the page reads them again
    const users = `${BASE}/api/v1/admin/users`;
    let cut = 0;
    droppedOnPurpose.add(users);
    await page.route(users, (route) => (cut++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.getByRole('link', { name: 'Admin' }).click();
    const row = page.locator('#admin-users tbody tr').filter({ has: page.getByRole('cell', { name: USER, exact: true }) });
    await row.waitFor();
    assert.ok(cut >= 2, 'the cut read was tried again');
    await page.unroute(users);
    assert.equal(await row.getByRole('button', { name: 'Revoke admin' }).count(), 0, 'no admin revokes their own rights');
    await row.getByText('You', { exact: true }).waitFor();
    const created = row.locator('time');
    assert.equal(await created.textContent(), await created.evaluate((time) => new Date(time.dateTime).toLocaleString()),
      'the account\'s creation time is shown as a local date and time');
    await row.getByText('Limits', { exact: true }).click();
    await row.getByLabel('AAClusters').fill('7');
    await row.getByRole('button', { name: 'Set limits' }).click();
    await page.getByText(`Limits of ${USER} saved.`).waitFor();
    await row.getByText(/of 7 AAClusters/).waitFor();
    await page.locator('#admin-clusters').waitFor();
    await shot('11-admin-page');
    const { accessToken } = await session();
    const usage = await api('GET', '/usage', { token: accessToken });
    assert.equal(usage.body.limits.maxClusters, 7);
    assert.equal((await api('PUT', `/admin/users/${USER}/limits`, { token: accessToken, body: {} })).status, 200);
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
