// Messages to the user: errors (role=alert, read out at once) and confirmations (role=status).
import { html } from 'htm/preact';

export function ErrorMessage({ error }) {
  if (!error) return null;
  return html`<p class="notice error" role="alert">${error.message ?? String(error)}</p>`;
}

export function StatusMessage({ text }) {
  if (!text) return null;
  return html`<p class="notice ok" role="status">${text}</p>`;
}
