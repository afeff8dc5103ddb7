// "Manage AAPF API Tokens": list, create (the secret is shown once, with a copy button), delete.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call, path } from '../api.js';
import { ConfirmDialog } from '../components/confirm.js';
import { CopyField } from '../components/copy.js';
import { ErrorMessage, StatusMessage } from '../components/notice.js';
import { formatTime } from '../format.js';

export function TokensPage() {
  const [tokens, setTokens] = useState(null);
  const [error, setError] = useState(null);
  const [created, setCreated] = useState(null);
  const [status, setStatus] = useState('');
  const [doomed, setDoomed] = useState(null);
  // a user from single sign-on has no password: their login session proves the request
  // (null until known, so the form never shows a field that then disappears)
  const [singleSignOn, setSingleSignOn] = useState(null);

  async function reload() {
    try {
      setTokens((await call('GET', '/api-tokens')).apiTokens);
    } catch (failure) {
      setError(failure);
    }
  }
  useEffect(() => {
    reload();
    call('GET', '/me').then((me) => setSingleSignOn(me.signOn === 'oidc')).catch(() => setSingleSignOn(false));
  }, []);

  async function create(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    setError(null);
    setStatus('');
    try {
      const { apiToken } = await call('POST', path('api-tokens', data.get('tokenName')), singleSignOn ? {} : { password: data.get('password') });
      setCreated(apiToken);
      form.reset();
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  async function remove() {
    const name = doomed;
    setDoomed(null);
    setError(null);
    try {
      await call('DELETE', path('api-tokens', name));
      if (created?.tokenName === name) setCreated(null);
      setStatus(`Deleted the API token '${name}'.`);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return html`
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Manage AAPF API Tokens</h1>
      <p>API tokens let scripts call the AAPF WebAPI (<code>Authorization: Bearer …</code>). They never expire; delete
        one to revoke it at once.</p>
      <${ErrorMessage} error=${error} />
      <${StatusMessage} text=${status} />
      ${created && html`
        <article class="secret" aria-labelledby="secret-title">
          <h2 id="secret-title">API token '${created.tokenName}' created</h2>
          <p><strong>Copy it now: it is shown only this once.</strong></p>
          <${CopyField} id="new-token-secret" label="Secret of the new API token" value=${created.token} />
          <button type="button" class="secondary" onClick=${() => setCreated(null)}>I have copied it, hide it</button>
        </article>`}
      <h2>Your API tokens</h2>
      ${tokens === null ? html`<p aria-busy="true">Loading…</p>` : tokens.length === 0
        ? html`<p id="no-tokens">You have no API tokens.</p>`
        : html`
          <div class="overflow-auto">
            <table id="token-table">
              <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                ${tokens.map((token) => html`
                  <tr key=${token.tokenName}>
                    <td>${token.tokenName}</td>
                    <td><time datetime=${token.createdAt}>${formatTime(token.createdAt)}</time></td>
                    <td><button type="button" class="danger small" aria-label=${`Delete API token ${token.tokenName}`}
                      onClick=${() => setDoomed(token.tokenName)}>Delete</button></td>
                  </tr>`)}
              </tbody>
            </table>
          </div>`}
      <h2>Create an API token</h2>
      ${singleSignOn !== null && html`
      <form onSubmit=${create}>
        <div class="grid">
          <div>
            <label for="token-name">Token name</label>
            <input id="token-name" name="tokenName" maxlength="512" required />
          </div>
          ${!singleSignOn && html`<div>
            <label for="token-password">Your password</label>
            <input id="token-password" name="password" type="password" autocomplete="current-password" required />
          </div>`}
        </div>
        <button type="submit">Create API token</button>
      </form>`}
      <${ConfirmDialog} open=${doomed !== null} title="Delete API token?" confirmLabel="Delete API token"
        onConfirm=${remove} onCancel=${() => setDoomed(null)}>
        <p>Scripts using the API token '${doomed}' stop working at once.</p>
      <//>
    </section>`;
}
