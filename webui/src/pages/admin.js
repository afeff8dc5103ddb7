// The admin page (admins only; the server refuses everybody else with 403): every account with its limits and use,
// where limits are set and admin rights granted or revoked, and every user's AAClusters page by page, to stop or
// delete any of them.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call, path } from '../api.js';
import { ErrorMessage, StatusMessage } from '../components/notice.js';
import { ofLimit } from '../components/usage.js';
import { formatTime } from '../format.js';

const PAGE = 50;
const STATUSES = ['creating', 'created', 'error', 'stopping', 'stopped', 'deleting'];
const LIMIT_FIELDS = [['maxClusters', 'AAClusters'], ['maxCpu', 'CPU'], ['maxMemoryMiB', 'MiB memory'],
  ['maxGpus', 'GPUs']];
const USE_FIELDS = { maxClusters: 'clusters', maxCpu: 'cpu', maxMemoryMiB: 'memoryMiB', maxGpus: 'gpus' };

function LimitsForm({ user, onSaved, onError }) {
  async function save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {};
    for (const [field] of LIMIT_FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value !== '') body[field] = Number(value);
    }
    try {
      await call('PUT', path('admin', 'users', user.username, 'limits'), body);
      onSaved(`Limits of ${user.username} saved.`);
    } catch (problem) {
      onError(problem);
    }
  }
  return html`
    <form class="limits" onSubmit=${save} aria-label=${`Limits of ${user.username}`}>
      ${LIMIT_FIELDS.map(([field, unit]) => html`
        <label>${unit}<input name=${field} type="number" min="0" step=${field === 'maxCpu' ? '0.001' : '1'}
          placeholder="default" /></label>`)}
      <button type="submit" class="secondary">Set limits</button>
      <small>Empty fields keep the configured default.</small>
    </form>`;
}

// An admin's own rights are not offered for revoking (the server refuses it): another admin or the operator can.
function UsersTable({ users, me, onChanged, onError }) {
  async function toggleAdmin(user) {
    try {
      await call('PUT', path('admin', 'users', user.username, 'admin'), { admin: !user.admin });
      onChanged(`${user.username} ${user.admin ? 'is no longer' : 'is now'} an admin.`);
    } catch (problem) {
      onError(problem);
    }
  }
  return html`
    <table id="admin-users">
      <thead><tr><th>User</th><th>Admin</th><th>Log in</th><th>Created</th><th>Use of limits</th><th></th></tr></thead>
      <tbody>
        ${users.map((user) => html`
          <tr><td>${user.username}</td><td>${user.admin ? 'yes' : 'no'}</td>
            <td>${user.signOn === 'oidc' ? 'single sign-on' : 'password'}</td><td><time datetime=${user.createdAt}>${formatTime(user.createdAt)}</time></td>
            <td>${LIMIT_FIELDS.map(([field, unit]) => html`
              <div>${ofLimit(user.usage[USE_FIELDS[field]], user.limits[field], unit)}</div>`)}</td>
            <td>${user.username === me ? html`<small>You</small>` : html`
              <button class="secondary" onClick=${() => toggleAdmin(user)}>
                ${user.admin ? 'Revoke admin' : 'Make admin'}</button>`}
              <details><summary>Limits</summary>
                <${LimitsForm} user=${user} onSaved=${onChanged} onError=${onError} /></details></td></tr>`)}
      </tbody>
    </table>`;
}

function ClustersTable({ onChanged, onError, version }) {
  const [filter, setFilter] = useState({ owner: '', status: '' });
  const [pages, setPages] = useState([{ aaclusters: null, nextCursor: null }]);

  async function load(cursor, append) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (filter.owner) query.set('owner', filter.owner);
    if (filter.status) query.set('status', filter.status);
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await call('GET', `/admin/aaclusters?${query}`);
      setPages((previous) => (append ? [...previous, page] : [page]));
    } catch (problem) {
      onError(problem);
    }
  }
  useEffect(() => { load(null, false); }, [filter, version]);

  async function act(method, cluster, suffix, message) {
    try {
      await call(method, path('admin', 'aaclusters', cluster.owner, cluster.name, ...suffix));
      onChanged(message);
    } catch (problem) {
      onError(problem);
    }
  }
  const clusters = pages.flatMap((page) => page.aaclusters ?? []);
  const next = pages[pages.length - 1].nextCursor;
  return html`
    <form class="grid" onSubmit=${(event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      setFilter({ owner: String(form.get('owner')).trim(), status: String(form.get('status')) });
    }}>
      <label>Owner<input name="owner" placeholder="every user" /></label>
      <label>Status<select name="status"><option value="">any</option>
        ${STATUSES.map((status) => html`<option value=${status}>${status}</option>`)}</select></label>
      <button type="submit" class="secondary">Filter</button>
    </form>
    <table id="admin-clusters">
      <thead><tr><th>Owner</th><th>AACluster</th><th>Status</th><th>Services</th><th>Created</th><th></th></tr></thead>
      <tbody>
        ${clusters.map((cluster) => html`
          <tr key=${`${cluster.owner}/${cluster.name}`}><td>${cluster.owner}</td><td>${cluster.name}</td>
            <td><span class=${`badge status-${cluster.status}`}>${cluster.status}</span></td>
            <td>${cluster.services.map((service) => html`
              <div>${service.name} × ${service.numberOfInstances} (${service.perfType ?? 'removed type'})</div>`)}</td>
            <td><time datetime=${cluster.createdAt}>${formatTime(cluster.createdAt)}</time></td>
            <td><button class="secondary" disabled=${cluster.status === 'stopped' || cluster.status === 'deleting'}
                onClick=${() => act('POST', cluster, ['stop'], `Stopping ${cluster.owner}/${cluster.name}.`)}>Stop</button>
              <button class="contrast" disabled=${cluster.status === 'deleting'}
                onClick=${() => act('DELETE', cluster, [], `Deleting ${cluster.owner}/${cluster.name}.`)}>Delete</button>
            </td></tr>`)}
      </tbody>
    </table>
    ${next && html`<button class="secondary" onClick=${() => load(next, true)}>More AAClusters</button>`}`;
}

export function AdminPage({ me }) {
  const [users, setUsers] = useState(null);
  const [error, setError] = useState(null);
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    call('GET', '/admin/users').then((body) => setUsers(body.users)).catch(setError);
  }, [version]);

  function changed(message) {
    setError(null);
    setStatus(message);
    setVersion((v) => v + 1);
  }

  return html`
    <h1>Admin: users</h1>
    <${StatusMessage} text=${status} />
    <${ErrorMessage} error=${error} />
    ${users && html`<${UsersTable} users=${users} me=${me} onChanged=${changed} onError=${setError} />`}
    ${users && html`<h2>Every AACluster</h2>
      <${ClustersTable} onChanged=${changed} onError=${setError} version=${version} />`}`;
}
