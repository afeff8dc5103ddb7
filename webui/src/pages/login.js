// The log-in page: password login and/or "Log in with <provider>" (single sign-on), as the server offers.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { finishSignOn, login, signOnOptions } from '../api.js';
import { ErrorMessage, StatusMessage } from '../components/notice.js';
import { navigate } from '../router.js';

function PasswordForm({ busy, error, onSubmit }) {
  return html`
    <form onSubmit=${onSubmit} aria-label="Log in">
      <label for="login-username">User name</label>
      <input id="login-username" name="username" autocomplete="username" required autofocus />
      <label for="login-password">Password</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required />
      <${ErrorMessage} error=${error} />
      <button type="submit" aria-busy=${busy ? 'true' : 'false'} disabled=${busy}>Log in</button>
    </form>`;
}

export function LoginPage({ notice }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState({ passwordLogin: true, provider: null });

  useEffect(() => {
    signOnOptions().then(setOptions).catch(() => {});
    if (window.location.hash === '#sign-on') {
      setBusy(true);
      finishSignOn()
        .then(() => navigate('/clusters'))
        .catch((failure) => {
          setError(failure);
          setBusy(false);
        });
    }
  }, []);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    setBusy(true);
    setError(null);
    try {
      await login(form.get('username'), form.get('password'));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const signOn = options.provider && html`
    <p><a href="/api/v1/auth/oidc/login" role="button" id="sign-on">Log in with ${options.provider}</a></p>`;
  const passwordForm = html`<${PasswordForm} busy=${busy} error=${error} onSubmit=${submit} />`;
  return html`
    <main class="container narrow">
      <h1>AAPF</h1>
      <p>Log in to manage your AAClusters and AAPF API tokens.</p>
      <${StatusMessage} text=${notice} />
      ${signOn}
      ${options.passwordLogin
        ? passwordForm
        : html`<${ErrorMessage} error=${error} /><details><summary>Local admin account</summary>${passwordForm}</details>`}
    </main>`;
}
