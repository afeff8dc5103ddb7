// Display helpers.

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "0.5 CPU · 1024 MiB · 1 GPU" from a performance type's resources. */
export function formatResources(resources = {}) {
  const gpu = resources['nvidia.com/gpu'];
  return [
    resources.cpu != null ? `${resources.cpu} CPU` : null,
    resources.memory != null ? `${resources.memory} MiB` : null,
    gpu ? `${gpu} GPU` : 'no GPU',
  ].filter(Boolean).join(' · ');
}
