// The application shell: the log-in page when logged out, otherwise the navigation and the current page.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser, logout, onSessionChange } from './api.js';
import { AdminPage } from './pages/admin.js';
import { ClustersPage } from './pages/clusters.js';
import { CreateClusterPage } from './pages/create-cluster.js';
import { LoginPage } from './pages/login.js';
import { PasswordPage } from './pages/password.js';
import { TokensPage } from './pages/tokens.js';
import { navigate, useRoute } from './router.js';

const PAGES = [
  { route: '/clusters', label: 'AAClusters' },
  { route: '/clusters/new', label: 'New AACluster' },
  { route: '/tokens', label: 'API tokens' },
  { route: '/password', label: 'Password' },
];

const ADMIN_PAGE = { route: '/admin', label: 'Admin' };

function Navigation({ route, user, admin, onLogout }) {
  return html`
    <nav class="container" aria-label="Main">
      <ul><li><a href="#/clusters" class="brand"><strong>AAPF</strong></a></li></ul>
      <ul>
        ${(admin ? [...PAGES, ADMIN_PAGE] : PAGES).map((page) => html`<li><a href=${`#${page.route}`} aria-current=${route === page.route ? 'page' : undefined}>${page.label}</a></li>`)}
        <li><span class="muted" id="current-user">${user}</span></li>
        <li><button type="button" class="secondary outline small" onClick=${onLogout}>Log out</button></li>
      </ul>
    </nav>`;
}

export function App() {
  const [user, setUser] = useState(currentUser());
  const [notice, setNotice] = useState('');
  const [profile, setProfile] = useState(null);
  const route = useRoute();

  useEffect(() => onSessionChange((session) => setUser(session?.username ?? null)), []);
  useEffect(() => {
    setProfile(null);
    if (user !== null) call('GET', '/me').then(setProfile).catch(() => {});
  }, [user]);
  useEffect(() => { document.title = user ? `AAPF — ${[...PAGES, ADMIN_PAGE].find((p) => p.route === route)?.label ?? 'AAPF'}` : 'AAPF — Log in'; }, [user, route]);

  async function doLogout() {
    try {
      await logout();
    } finally {
      setNotice('You have logged out.');
      navigate('/clusters');
    }
  }

  if (!user) return html`<${LoginPage} notice=${notice} />`;
  const flash = (text) => setNotice(text);
  let page;
  if (route === '/clusters/new') page = html`<${CreateClusterPage} onCreated=${flash} />`;
  else if (route === '/tokens') page = html`<${TokensPage} />`;
  else if (route === '/admin' && profile?.admin) page = html`<${AdminPage} me=${profile.username} />`;
  else if (route === '/password') page = html`<${PasswordPage} onChanged=${flash} />`;
  else page = html`<${ClustersPage} key=${notice} flash=${notice} />`;
  return html`
    <header><${Navigation} route=${route} user=${profile?.username ?? user} admin=${profile?.admin} onLogout=${doLogout} /></header>
    <main class="container">${page}</main>`;
}
