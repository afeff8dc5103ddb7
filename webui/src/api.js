// The WebAPI client: keeps the login session's tokens (sessionStorage, never in URLs), refreshes the access token
// before it expires, and turns every failed answer into an ApiError carrying the API's own `message`.

const BASE = '/api/v1';
const STORE_KEY = 'aapf.session';
const REFRESH_MARGIN_MS = 60_000;

/** A failed API call: `message` is the API's message, `status` the HTTP status (0 when the server was not reached). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE_KEY)) ?? null;
  } catch {
    return null;
  }
}

let session = load();
let refreshTimer = null;
let refreshing = null;
const listeners = new Set();

function save(next) {
  session = next;
  if (next) sessionStorage.setItem(STORE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORE_KEY);
  scheduleRefresh();
  listeners.forEach((listener) => listener(next));
}

/** Calls `listener(session|null)` whenever the user logs in or out; returns the unsubscribe function. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The logged-in user's name, or null. */
export function currentUser() {
  return session?.username ?? null;
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!session) return;
  const expiresAt = (claims(session.accessToken).exp ?? 0) * 1000;
  const delay = Math.max(expiresAt - Date.now() - REFRESH_MARGIN_MS, 1_000);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.min(delay, 2 ** 31 - 1));
}

/**
 * How long to wait before each new try of a read whose request never reached the server: the browser drops requests
 * in flight when the machine's network changes (a Wi-Fi switch, a VPN, a container's interface coming or going).
 * Only reads are tried again; a change might have taken effect before its connection broke.
 */
const READ_RETRY_DELAYS_MS = [250, 1_000];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const retryDelays = method === 'GET' ? READ_RETRY_DELAYS_MS : [];
  let response;
  for (let attempt = 0; !response; attempt += 1) {
    try {
      response = await fetch(BASE + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      if (attempt >= retryDelays.length) throw new ApiError(0, 'The AAPF server cannot be reached.');
      await sleep(retryDelays[attempt]);
    }
  }
  let payload = {};
  try {
    payload = await response.json();
  } catch {
    payload = {};
  }
  if (!response.ok) {
    throw new ApiError(response.status, payload.message ?? `${response.status} ${response.statusText}`);
  }
  return payload;
}

/** Gets a new access token with the refresh token; ends the session when the refresh token is refused. */
export function refresh() {
  if (!session) return Promise.reject(new ApiError(401, 'Not logged in.'));
  refreshing ??= send('POST', '/access-token-refresh', { refreshToken: session.refreshToken })
    .then(({ accessToken }) => save({ ...session, accessToken }))
    .catch((error) => {
      if (error.status === 401 || error.status === 400) save(null);
      throw error;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** An authenticated call; a 401 is retried once after a refresh, then ends the session. */
export async function call(method, path, body) {
  if (!session) throw new ApiError(401, 'Please log in.');
  try {
    return await send(method, path, body, session.accessToken);
  } catch (error) {
    if (error.status !== 401) throw error;
    await refresh();
    return send(method, path, body, session.accessToken);
  }
}

export async function login(username, password) {
  const { accessToken, refreshToken } = await send('POST', '/login', { username, password });
  save({ username: claims(accessToken).user?.username ?? username, accessToken, refreshToken });
}

/** What the login page offers: `{passwordLogin, provider}` (provider: null without single sign-on). Public. */
export function signOnOptions() {
  return send('GET', '/auth/options');
}

/**
 * Finishes a single sign-on: the server left a one-time code in an HttpOnly cookie (never in the URL); this POST
 * sends it back (same origin only) and receives the same tokens a password login gives.
 */
export async function finishSignOn() {
  let response;
  try {
    response = await fetch(`${BASE}/auth/oidc/session`, {
      method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'The AAPF server cannot be reached.');
  }
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload.message ?? `${response.status} ${response.statusText}`);
  const { accessToken, refreshToken } = payload;
  save({ username: claims(accessToken).user?.username ?? '', accessToken, refreshToken });
}

/** Ends the session on the server (best effort) and forgets the tokens. */
export async function logout() {
  if (!session) return;
  try {
    await send('POST', '/logout', undefined, session.accessToken);
  } finally {
    save(null);
  }
}

/** Forgets the tokens without calling the server (after a password change the server has ended the session). */
export function forget() {
  save(null);
}

export const path = (...segments) => segments.map((segment) => '/' + encodeURIComponent(segment)).join('');

scheduleRefresh();
