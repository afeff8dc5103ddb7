// The caller's limits and what their AAClusters use of them (GET /usage), refreshed with the cluster list.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.js';

const REFRESH_MS = 5_000;

/** "2 of 5" or "2 (no limit)". */
export function ofLimit(used, limit, unit) {
  return limit == null ? `${used} ${unit} (no limit)` : `${used} of ${limit} ${unit}`;
}

/** One line per kind: AAClusters, CPU, memory, GPUs. */
export function UsageList({ limits, usage }) {
  return html`
    <ul class="usage">
      <li>${ofLimit(usage.clusters, limits.maxClusters, 'AAClusters')}</li>
      <li>${ofLimit(usage.cpu, limits.maxCpu, 'CPU')}</li>
      <li>${ofLimit(usage.memoryMiB, limits.maxMemoryMiB, 'MiB memory')}</li>
      <li>${ofLimit(usage.gpus, limits.maxGpus, 'GPUs')}</li>
    </ul>`;
}

export function UsageSummary() {
  const [state, setState] = useState(null);
  useEffect(() => {
    let stopped = false;
    let timer;
    async function poll() {
      try {
        const body = await call('GET', '/usage');
        if (!stopped) setState(body);
      } catch {
        // the cluster list shows errors; the summary just keeps its last answer
      }
      if (!stopped) timer = setTimeout(poll, REFRESH_MS);
    }
    poll();
    return () => { stopped = true; clearTimeout(timer); };
  }, []);
  if (state === null) return null;
  return html`<details id="usage"><summary>Your use of your limits</summary>
    <${UsageList} limits=${state.limits} usage=${state.usage} /></details>`;
}
