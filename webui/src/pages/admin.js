// The admin page: every account (admins only; the server refuses everybody else with 403).
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.js';
import { ErrorMessage } from '../components/notice.js';

export function AdminPage() {
  const [users, setUsers] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    call('GET', '/admin/users').then((body) => setUsers(body.users)).catch(setError);
  }, []);

  return html`
    <h1>Admin: users</h1>
    <${ErrorMessage} error=${error} />
    ${users && html`
      <table id="admin-users">
        <thead><tr><th>User</th><th>Admin</th><th>Log in</th><th>Created</th></tr></thead>
        <tbody>
          ${users.map((user) => html`
            <tr><td>${user.username}</td><td>${user.admin ? 'yes' : 'no'}</td>
              <td>${user.signOn === 'oidc' ? 'single sign-on' : 'password'}</td><td>${user.createdAt}</td></tr>`)}
        </tbody>
      </table>`}`;
}
