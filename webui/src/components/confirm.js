// A modal confirmation (native <dialog>: focus is trapped, Escape cancels) for destructive actions.
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }) {
  const dialog = useRef(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return html`
    <dialog ref=${dialog} aria-labelledby="confirm-title" onCancel=${(event) => { event.preventDefault(); onCancel(); }}>
      <article>
        <h2 id="confirm-title">${title}</h2>
        ${children}
        <footer>
          <button type="button" class="secondary" onClick=${onCancel}>Cancel</button>
          <button type="button" class="danger" onClick=${onConfirm}>${confirmLabel}</button>
        </footer>
      </article>
    </dialog>`;
}
