// Opens a cluster's notebook in a new tab, logged in with its Jupyter token, without putting the token in a URL.
// Each notebook has an origin of its own (e.g. http://<proxyId>.localhost:3000); the server names it in the page
// (<meta name="aapf-notebook-origin">, with {proxyId} to fill in). The form POSTs straight there: through a redirect
// the browser would send "Origin: null", which the notebook proxy refuses. Jupyter 6.4's login takes the token as
// `password`, and, sent as `token` too, counts the request as token-authenticated, so no `_xsrf` value (which only the
// notebook's origin could read) is needed. Jupyter's login cookie is then set by the notebook's origin, for it alone.

function hiddenInput(name, value) {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  return input;
}

function notebookOrigin(proxyId) {
  const template = document.querySelector('meta[name="aapf-notebook-origin"]')?.content;
  return template ? template.replace('{proxyId}', proxyId) : '';
}

/** Opens `urlPath` (a `/proxy/<id>/jupyter` path of this server) logged in with `jupyterToken`. */
export async function openNotebook(urlPath, jupyterToken) {
  const match = /^\/proxy\/([a-z0-9]+)\/jupyter\/?$/.exec(urlPath);
  if (!match) throw new Error('This notebook address is not served by AAPF.');
  const base = urlPath.replace(/\/$/, '');
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `${notebookOrigin(match[1])}${base}/login?next=${encodeURIComponent(`${base}/tree`)}`;
  form.target = '_blank';
  // noopener: the notebook cannot reach this page. Not noreferrer: browsers then send "Origin: null" with the POST,
  // which the notebook proxy refuses.
  form.rel = 'noopener';
  form.hidden = true;
  form.append(hiddenInput('token', jupyterToken), hiddenInput('password', jupyterToken));
  document.body.append(form);
  form.submit();
  form.remove();
}
