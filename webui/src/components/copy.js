// A read-only secret with a Copy button (Clipboard API, or selection + execCommand where it is unavailable).
import { html } from 'htm/preact';
import { useRef, useState } from 'preact/hooks';

export function CopyField({ id, label, value }) {
  const input = useRef(null);
  const [copied, setCopied] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      input.current.select();
      document.execCommand('copy');
    }
    setCopied('Copied to the clipboard.');
  }
  return html`
    <label for=${id}>${label}</label>
    <div role="group">
      <input id=${id} ref=${input} readonly value=${value} onFocus=${(event) => event.target.select()} />
      <button type="button" onClick=${copy}>Copy</button>
    </div>
    <small role="status">${copied}</small>`;
}
