// Opens a cluster's notebook in a new tab, logged in with its Jupyter token, without putting the token in a URL:
// Jupyter 6.4's login form accepts the token as its `password` field, so we POST that form ourselves. The form
// needs Jupyter's `_xsrf` value, which we read from its login page first (same origin, through AAPF's proxy).

function hiddenInput(name, value) {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  return input;
}

async function xsrfValue(base) {
  try {
    const response = await fetch(`${base}/login`, { credentials: 'same-origin', cache: 'no-store' });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    return page.querySelector('input[name="_xsrf"]')?.value ?? null;
  } catch {
    return null;
  }
}

/** Opens `urlPath` (a `/proxy/<id>/jupyter` path of this server) logged in with `jupyterToken`. */
export async function openNotebook(urlPath, jupyterToken) {
  if (!/^\/proxy\/[a-z0-9]+\/jupyter\/?$/.test(urlPath)) throw new Error('This notebook address is not served by AAPF.');
  const base = urlPath.replace(/\/$/, '');
  const xsrf = await xsrfValue(base);
  if (xsrf === null) {
    // no login form: this browser is logged in to the notebook already
    window.open(`${base}/tree`, '_blank', 'noopener,noreferrer');
    return;
  }
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `${base}/login?next=${encodeURIComponent(`${base}/tree`)}`;
  form.target = '_blank';
  // noopener: the notebook cannot reach this page. Not noreferrer: browsers then send "Origin: null" with the POST,
  // which the notebook proxy refuses.
  form.rel = 'noopener';
  form.hidden = true;
  form.append(hiddenInput('_xsrf', xsrf), hiddenInput('password', jupyterToken));
  document.body.append(form);
  form.submit();
  form.remove();
}
