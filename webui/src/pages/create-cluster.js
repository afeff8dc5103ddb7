// The form that creates an AACluster: a Jupyter Notebook, optionally a Spark master and Spark workers, each with
// an image and a performance type picked from the server's catalogue.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call, path } from '../api.js';
import { ErrorMessage } from '../components/notice.js';
import { formatResources } from '../format.js';
import { navigate } from '../router.js';

function pick(images, hint) {
  return (images.find((image) => image.repositoryName.includes(hint)) ?? images[0])?.repositoryName;
}

// The smallest type the backend can run (GPUs are scarce: one without a GPU first), unless the user picks otherwise.
function defaultPerfType(perfTypes) {
  const gpus = (type) => type.resources['nvidia.com/gpu'] ?? 0;
  const runnable = perfTypes.filter((type) => type.available !== false)
    .sort((a, b) => gpus(a) - gpus(b) || a.resources.cpu - b.resources.cpu || a.resources.memory - b.resources.memory);
  return (runnable[0] ?? perfTypes[0])?.name;
}

function ServiceFields({ prefix, title, catalogue, defaultImage, children }) {
  const defaultPerf = defaultPerfType(catalogue.perfTypes);
  return html`
    <div class="grid">
      <div>
        <label for=${`${prefix}-image`}>${title} image</label>
        <select id=${`${prefix}-image`} name=${`${prefix}Image`} required>
          ${catalogue.images.map((image) => html`
            <option value=${image.repositoryName} selected=${image.repositoryName === defaultImage}
              title=${image.description}>${image.displayName} (${image.repositoryName})</option>`)}
        </select>
      </div>
      <div>
        <label for=${`${prefix}-perf`}>${title} performance type</label>
        <select id=${`${prefix}-perf`} name=${`${prefix}Perf`} required>
          ${catalogue.perfTypes.map((type) => html`
            <option value=${type.name} selected=${type.name === defaultPerf} disabled=${type.available === false}
              title=${type.unavailableReason ?? ''}>
              ${type.displayName} — ${formatResources(type.resources)}${type.available === false
                ? ` — cannot run here: ${type.unavailableReason}` : ''}</option>`)}
        </select>
      </div>
      ${children}
    </div>`;
}

function service(form, prefix) {
  return { image: { repositoryName: form.get(`${prefix}Image`) }, perfType: form.get(`${prefix}Perf`) };
}

export function CreateClusterPage({ onCreated }) {
  const [catalogue, setCatalogue] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [master, setMaster] = useState(false);
  const [workers, setWorkers] = useState(false);

  useEffect(() => {
    Promise.all([call('GET', '/images'), call('GET', '/perf-types')])
      .then(([{ images }, { perfTypes }]) => setCatalogue({ images, perfTypes }))
      .catch(setError);
  }, []);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { jupyterNotebook: service(form, 'notebook') };
    if (master) body.sparkMaster = service(form, 'master');
    if (workers) body.sparkWorker = { ...service(form, 'worker'), numberOfInstances: Number(form.get('workerCount')) };
    setBusy(true);
    setError(null);
    try {
      const { message } = await call('POST', path('aaclusters', form.get('name')), body);
      onCreated(message);
      navigate('/clusters');
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  if (catalogue === null) {
    return html`<section><h1>New AACluster</h1>${error ? html`<${ErrorMessage} error=${error} />` : html`<p aria-busy="true">Loading the catalogue…</p>`}</section>`;
  }
  const spark = pick(catalogue.images, 'spark');
  return html`
    <section aria-labelledby="create-title">
      <h1 id="create-title">New AACluster</h1>
      <form onSubmit=${submit}>
        <label for="cluster-name">Name</label>
        <input id="cluster-name" name="name" maxlength="512" pattern="[^\\/]+" required autofocus
          aria-describedby="cluster-name-help" />
        <small id="cluster-name-help">Up to 512 characters, no “/”.</small>
        <fieldset>
          <legend>Jupyter Notebook</legend>
          <${ServiceFields} prefix="notebook" title="Notebook" catalogue=${catalogue} defaultImage=${pick(catalogue.images, 'jupyter')} />
        </fieldset>
        <fieldset>
          <legend>Spark (optional)</legend>
          <label for="with-master"><input id="with-master" type="checkbox" role="switch" checked=${master}
            onChange=${(event) => setMaster(event.target.checked)} /> Add a Spark master</label>
          ${master && html`<${ServiceFields} prefix="master" title="Spark master" catalogue=${catalogue} defaultImage=${spark} />`}
          <label for="with-workers"><input id="with-workers" type="checkbox" role="switch" checked=${workers}
            onChange=${(event) => setWorkers(event.target.checked)} /> Add Spark workers</label>
          ${workers && html`
            <${ServiceFields} prefix="worker" title="Spark worker" catalogue=${catalogue} defaultImage=${spark}>
              <div>
                <label for="worker-count">Number of Spark workers</label>
                <input id="worker-count" name="workerCount" type="number" min="1" max="100" value="2" required />
              </div>
            <//>`}
        </fieldset>
        <${ErrorMessage} error=${error} />
        <div class="actions">
          <a href="#/clusters" role="button" class="secondary">Cancel</a>
          <button type="submit" aria-busy=${busy ? 'true' : 'false'} disabled=${busy}>Create AACluster</button>
        </div>
      </form>
    </section>`;
}
