// Changing the password; the server then ends every session, so the user logs in again with the new one.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError, call, forget } from '../api.js';
import { ErrorMessage } from '../components/notice.js';

export function PasswordPage({ onChanged }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    setError(null);
    if (form.get('newPassword') !== form.get('repeatPassword')) {
      setError(new ApiError(400, 'The new password and its repetition differ.'));
      return;
    }
    setBusy(true);
    try {
      const { message } = await call('PUT', '/password', {
        oldPassword: form.get('oldPassword'),
        newPassword: form.get('newPassword'),
      });
      onChanged(`${message} Please log in with your new password.`);
      forget();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return html`
    <section aria-labelledby="password-title">
      <h1 id="password-title">Change password</h1>
      <p>Changing your password logs you out everywhere, including this browser.</p>
      <form onSubmit=${submit}>
        <label for="old-password">Current password</label>
        <input id="old-password" name="oldPassword" type="password" autocomplete="current-password" required />
        <label for="new-password">New password</label>
        <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="8" required />
        <label for="repeat-password">New password again</label>
        <input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" minlength="8" required />
        <${ErrorMessage} error=${error} />
        <button type="submit" aria-busy=${busy ? 'true' : 'false'} disabled=${busy}>Change password</button>
      </form>
    </section>`;
}
