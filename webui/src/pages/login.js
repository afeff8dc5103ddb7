// The log-in page.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { login } from '../api.js';
import { ErrorMessage, StatusMessage } from '../components/notice.js';

export function LoginPage({ notice }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

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

  return html`
    <main class="container narrow">
      <h1>AAPF</h1>
      <p>Log in to manage your AAClusters and AAPF API tokens.</p>
      <${StatusMessage} text=${notice} />
      <form onSubmit=${submit} aria-label="Log in">
        <label for="login-username">User name</label>
        <input id="login-username" name="username" autocomplete="username" required autofocus />
        <label for="login-password">Password</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required />
        <${ErrorMessage} error=${error} />
        <button type="submit" aria-busy=${busy ? 'true' : 'false'} disabled=${busy}>Log in</button>
      </form>
    </main>`;
}
