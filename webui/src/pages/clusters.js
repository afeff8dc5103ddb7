// The AACluster list: every service's instances, status, health and alerts, refreshed every few seconds, with the
// progress of clusters that are starting or stopping (from their events), "Open notebook", stop/start and delete.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call, path } from '../api.js';
import { ConfirmDialog } from '../components/confirm.js';
import { ErrorMessage, StatusMessage } from '../components/notice.js';
import { formatResources, formatTime } from '../format.js';
import { openNotebook } from '../notebook.js';
import { UsageSummary } from '../components/usage.js';

const POLL_MS = 3_000;
const BUSY = new Set(['creating', 'deleting', 'stopping']);
const PARKED = new Set(['stopping', 'stopped']);
const SERVICE_TITLES = { 'jupyter-notebook': 'Jupyter Notebook', 'spark-master': 'Spark master', 'spark-worker': 'Spark workers' };

async function eventsOf(cluster) {
  try {
    const payload = await call('GET', path('aaclusters', cluster.name, 'events'));
    return payload.events ?? [];
  } catch {
    return [];
  }
}

function usePolledClusters() {
  const [state, setState] = useState({ clusters: null, events: {}, error: null });
  const timer = useRef(null);
  useEffect(() => {
    let stopped = false;
    async function poll() {
      clearTimeout(timer.current);
      try {
        const { aaclusters } = await call('GET', '/aaclusters');
        const busy = aaclusters.filter((cluster) => BUSY.has(cluster.status));
        const events = Object.fromEntries(await Promise.all(busy.map(async (c) => [c.name, await eventsOf(c)])));
        if (!stopped) setState({ clusters: aaclusters, events, error: null });
      } catch (error) {
        if (!stopped) setState((previous) => ({ ...previous, error }));
      }
      if (!stopped) timer.current = setTimeout(poll, document.hidden ? POLL_MS * 5 : POLL_MS);
    }
    poll();
    const onVisible = () => { if (!document.hidden) poll(); };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return state;
}

function Instance({ instance }) {
  const health = instance.health ?? 'health unknown';
  return html`<li class="instance">
    #${instance.index} <span class=${`badge status-${instance.status}`}>${instance.status}</span>
    <span class=${`badge health-${instance.health ?? 'unknown'}`}>${health}</span></li>`;
}

function Alerts({ alerts }) {
  if (!alerts.length) return html`<span class="muted">none</span>`;
  return html`<ul class="alerts">${alerts.map((alert) => html`
    <li class=${`alert-${alert.level}`}><strong>${alert.level}</strong> ${alert.message}
      ${alert.at && html` <small><time datetime=${alert.at}>${formatTime(alert.at)}</time></small>`}</li>`)}</ul>`;
}

function ServiceRow({ service }) {
  const requested = service.numberOfInstances > 0;
  return html`
    <tr>
      <th scope="row">${SERVICE_TITLES[service.name] ?? service.name}</th>
      <td>${requested ? service.image.displayName ?? service.image.repositoryName : html`<span class="muted">not requested</span>`}</td>
      <td>${requested ? html`${service.perfType.displayName ?? service.perfType.name}<br /><small>${formatResources(service.perfType.resources)}</small>` : ''}</td>
      <td>${requested ? html`<ul class="instances">${service.instances.map((i) => html`<${Instance} key=${i.index} instance=${i} />`)}</ul>` : ''}</td>
      <td><${Alerts} alerts=${service.alerts ?? []} /></td>
    </tr>`;
}

function Progress({ cluster, events }) {
  const services = cluster.services.filter((service) => service.numberOfInstances > 0);
  const total = services.reduce((sum, service) => sum + service.numberOfInstances, 0);
  const ready = services.reduce((sum, s) => sum + s.instances.filter((i) => i.status === 'ready').length, 0);
  const label = cluster.status === 'creating' ? `Starting: ${ready} of ${total} instances ready`
    : cluster.status === 'stopping' ? 'Stopping… (the workspace is kept)' : 'Deleting…';
  const id = `progress-${cluster.name}`;
  return html`
    <div class="progress">
      <label for=${id}>${label}</label>
      ${cluster.status === 'creating' ? html`<progress id=${id} value=${ready} max=${total || 1}></progress>` : html`<progress id=${id}></progress>`}
      ${events.length > 0 && html`<ol class="events" aria-label=${`Events of ${cluster.name}`}>
        ${events.slice(-6).map((event) => html`<li><time datetime=${event.at}>${formatTime(event.at)}</time> <strong>${event.type}</strong> ${event.message}</li>`)}
      </ol>`}
    </div>`;
}

// Spark workers can be resized while the cluster runs (PATCH, applied by the server's reconciler).
function WorkerResize({ cluster, onStatus, onError }) {
  const workers = cluster.services.find((service) => service.name === 'spark-worker');
  const inputId = `workers-${cluster.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  async function submit(event) {
    event.preventDefault();
    const count = Number(new FormData(event.currentTarget).get('numberOfInstances'));
    try {
      const reply = await call('PATCH', path('aaclusters', cluster.name), { sparkWorker: { numberOfInstances: count } });
      onStatus(reply.message);
    } catch (problem) {
      onError(problem);
    }
  }
  return html`
    <form class="resize" onSubmit=${submit}>
      <label for=${inputId}>Spark workers of ${cluster.name}</label>
      <input id=${inputId} name="numberOfInstances" type="number" min="1" required
        value=${workers?.numberOfInstances || 1} />
      <button type="submit" class="secondary" disabled=${cluster.status === 'deleting' || PARKED.has(cluster.status)}>Resize workers</button>
    </form>`;
}

// Stop frees the cluster's compute and keeps its spec, notebook files and address; Start brings it back.
function StopStart({ cluster, onStatus, onError }) {
  const parked = PARKED.has(cluster.status);
  const action = parked ? 'start' : 'stop';
  async function send() {
    try {
      onStatus((await call('POST', path('aaclusters', cluster.name, action))).message);
    } catch (problem) {
      onError(problem);
    }
  }
  return html`<button type="button" class="secondary" data-action=${action}
    disabled=${cluster.status === 'deleting' || cluster.status === 'stopping'} onClick=${send}
    aria-label=${`${parked ? 'Start' : 'Stop'} AACluster ${cluster.name}`}>${parked ? 'Start' : 'Stop'}</button>`;
}

function ClusterCard({ cluster, events, onDelete, onStatus, onError }) {
  const hasMaster = cluster.services.some((service) => service.name === 'spark-master' && service.numberOfInstances > 0);
  const notebook = cluster.services.find((service) => service.name === 'jupyter-notebook');
  const instance = PARKED.has(cluster.status) ? undefined
    : notebook?.instances.find((i) => i.urlPath && i.status === 'ready');
  const open = () => openNotebook(instance.urlPath, instance.jupyterToken).catch(onError);
  const titleId = `cluster-${cluster.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return html`
    <article class="cluster" data-cluster=${cluster.name} data-status=${cluster.status} aria-labelledby=${titleId}>
      <header>
        <h2 id=${titleId}>${cluster.name}</h2>
        <span class=${`badge status-${cluster.status}`}>${cluster.status}</span>
        <small>created <time datetime=${cluster.createdAt}>${formatTime(cluster.createdAt)}</time></small>
      </header>
      ${BUSY.has(cluster.status) && html`<${Progress} cluster=${cluster} events=${events ?? []} />`}
      ${cluster.status === 'stopped' && html`<p class="muted">Stopped: nothing runs. The notebook's files and address
        are kept; Start brings it back.</p>`}
      <div class="overflow-auto">
        <table>
          <thead><tr><th scope="col">Service</th><th scope="col">Image</th><th scope="col">Performance</th>
            <th scope="col">Instances</th><th scope="col">Alerts</th></tr></thead>
          <tbody>${cluster.services.map((service) => html`<${ServiceRow} key=${service.name} service=${service} />`)}</tbody>
        </table>
      </div>
      <footer>
        ${hasMaster && html`<${WorkerResize} cluster=${cluster} onStatus=${onStatus} onError=${onError} />`}
        <button type="button" disabled=${!instance} onClick=${open} aria-label=${`Open notebook of ${cluster.name}`}>Open notebook</button>
        <${StopStart} cluster=${cluster} onStatus=${onStatus} onError=${onError} />
        <button type="button" class="danger" disabled=${cluster.status === 'deleting'} onClick=${() => onDelete(cluster.name)}
          aria-label=${`Delete AACluster ${cluster.name}`}>Delete</button>
      </footer>
    </article>`;
}

export function ClustersPage({ flash }) {
  const { clusters, events, error } = usePolledClusters();
  const [doomed, setDoomed] = useState(null);
  const [status, setStatus] = useState(flash ?? '');
  const [failure, setFailure] = useState(null);

  async function remove() {
    const name = doomed;
    setDoomed(null);
    setFailure(null);
    try {
      setStatus((await call('DELETE', path('aaclusters', name))).message);
    } catch (problem) {
      setFailure(problem);
    }
  }

  return html`
    <section aria-labelledby="clusters-title">
      <div class="title-row">
        <h1 id="clusters-title">AAClusters</h1>
        <a href="#/clusters/new" role="button">New AACluster</a>
      </div>
      <${UsageSummary} />
      <${StatusMessage} text=${status} />
      <${ErrorMessage} error=${failure ?? error} />
      ${clusters === null ? html`<p aria-busy="true">Loading…</p>` : clusters.length === 0
        ? html`<p id="no-clusters">You have no AAClusters yet. <a href="#/clusters/new">Create one</a>.</p>`
        : clusters.map((cluster) => html`<${ClusterCard} key=${cluster.name} cluster=${cluster} events=${events[cluster.name]}
            onDelete=${setDoomed} onStatus=${setStatus} onError=${setFailure} />`)}
      <${ConfirmDialog} open=${doomed !== null} title="Delete AACluster?" confirmLabel="Delete AACluster"
        onConfirm=${remove} onCancel=${() => setDoomed(null)}>
        <p>The AACluster '${doomed}' and its notebook are removed for good, with its workspace (every file in it).</p>
      <//>
    </section>`;
}
