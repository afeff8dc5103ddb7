// A stand-in for the cluster part of the API (/aaclusters, /images, /perf-types, events), served to the page by
// Playwright's request interception, so the cluster pages are tested in the browser whatever backend the server
// has. Shapes follow /work/shared/spec/API.md. The real API is tested by the "real cluster" tests.

const at = '2026-01-02T03:04:05.123456Z';
const notRequested = (name) => ({ name, numberOfInstances: 0, instances: [], image: {}, perfType: {}, alerts: [] });
const notebookImage = { repositoryName: 'aa_jupyter_notebook', displayName: 'Jupyter Notebook', description: 'Standard Jupyter Notebook image provided by AAPF.' };
const sparkImage = { repositoryName: 'aa_spark', displayName: 'Apache Spark', description: 'Spark master and workers.' };
const small = { name: 'small', displayName: 'Small', resources: { cpu: 0.5, memory: 1024, 'nvidia.com/gpu': null } };
const gpu = { name: 'x-gpu', displayName: 'GPU', resources: { cpu: 4, memory: 16384, 'nvidia.com/gpu': 1 } };

function instance(index, status, health, extra = {}) {
  return { index, status, health, createdAt: at, updatedAt: at, ...extra };
}

export const catalogue = { images: [notebookImage, sparkImage], perfTypes: [small, gpu] };

/** Two clusters: one ready with a Spark worker alert, one still starting. */
export function initialClusters() {
  return [
    {
      name: 'analysis', status: 'created', createdAt: at,
      services: [
        { name: 'jupyter-notebook', numberOfInstances: 1, image: notebookImage, perfType: small, alerts: [],
          instances: [instance(1, 'ready', 'healthy', { urlPath: '/proxy/abcdefg123/jupyter', jupyterToken: 'stubtoken' })] },
        { name: 'spark-master', numberOfInstances: 1, image: sparkImage, perfType: small, alerts: [],
          instances: [instance(1, 'ready', 'healthy')] },
        { name: 'spark-worker', numberOfInstances: 2, image: sparkImage, perfType: gpu,
          alerts: [{ level: 'warning', reason: 'restarting', message: 'Worker 2 restarted after running out of memory.', at }],
          instances: [instance(1, 'ready', 'healthy'), instance(2, 'ready', 'unhealthy')] },
      ],
    },
    {
      name: 'starting-one', status: 'creating', createdAt: at,
      services: [
        { name: 'jupyter-notebook', numberOfInstances: 1, image: notebookImage, perfType: small, alerts: [],
          instances: [instance(1, 'starting', null, { urlPath: '/proxy/zyxwvu9876/jupyter', jupyterToken: 'other' })] },
        notRequested('spark-master'),
        notRequested('spark-worker'),
      ],
    },
  ];
}

/** Routes the cluster API of `page` to an in-memory list; returns the list and the requests the page sent. */
export async function stubClusterApi(page) {
  const state = { clusters: initialClusters(), requests: [] };
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route(/\/api\/v1\/(images|perf-types|aaclusters)(\/.*)?$/, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const parts = url.pathname.replace('/api/v1/', '').split('/').map(decodeURIComponent);
    state.requests.push({ method: request.method(), path: url.pathname, body: request.postDataJSON?.() ?? null });
    if (parts[0] === 'images') return json(route, 200, { images: catalogue.images });
    if (parts[0] === 'perf-types') return json(route, 200, { perfTypes: catalogue.perfTypes });
    if (parts.length === 1) return json(route, 200, { aaclusters: state.clusters });
    const cluster = state.clusters.find((c) => c.name === parts[1]);
    if (parts[2] === 'events') {
      return json(route, 200, { events: [
        { at, type: 'requested', message: 'Creation requested.' },
        { at, type: 'started', message: 'jupyter-notebook #1 is running.' },
      ] });
    }
    if (request.method() === 'POST' && (parts[2] === 'stop' || parts[2] === 'start')) {
      if (!cluster) return json(route, 404, { message: 'Not found.' });
      cluster.status = parts[2] === 'stop' ? 'stopped' : 'creating';
      return json(route, 202, { message: `Accepted ${parts[2] === 'stop' ? 'stopping' : 'starting'} AACluster named '${parts[1]}'.` });
    }
    if (request.method() === 'POST') {
      if (cluster) return json(route, 400, { message: `An AACluster named '${parts[1]}' already exists.` });
      return json(route, 202, { message: `Accepted creating AACluster named '${parts[1]}'.` });
    }
    if (request.method() === 'PATCH') {
      if (!cluster) return json(route, 404, { message: 'Not found.' });
      const count = request.postDataJSON().sparkWorker.numberOfInstances;
      return json(route, 202, { message: `Accepted resizing the Spark workers of AACluster named '${parts[1]}' to ${count}.` });
    }
    if (request.method() === 'DELETE') {
      if (!cluster) return json(route, 404, { message: 'Not found.' });
      cluster.status = 'deleting';
      return json(route, 202, { message: `Accepted deleting AACluster named '${parts[1]}'.` });
    }
    return cluster ? json(route, 200, { aacluster: cluster }) : json(route, 404, { message: 'Not found.' });
  });
  return state;
}
