// Bundles src/ into hashed assets plus an index.html that names them, for the server to serve from its jar.
// Output: $AAPF_WEBUI_OUT (set by Maven) or target/classes/META-INF/aapf-webui.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.AAPF_WEBUI_OUT ?? path.join(here, 'target/classes/META-INF/aapf-webui');

await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: { app: path.join(here, 'src/main.js'), style: path.join(here, 'src/app.css') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  outdir: path.join(out, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs);
const named = (entry) => {
  const found = outputs.find(([, meta]) => meta.entryPoint?.endsWith(entry));
  if (!found) throw new Error(`no output for ${entry}`);
  return '/' + path.relative(out, found[0]).split(path.sep).join('/');
};

const template = await readFile(path.join(here, 'src/index.html'), 'utf8');
const html = template.replace('%APP_JS%', named('src/main.js')).replace('%APP_CSS%', named('src/app.css'));
await writeFile(path.join(out, 'index.html'), html);

const sizes = outputs.map(([file, meta]) => `${path.relative(out, file)} ${meta.bytes} B`);
console.log(`aapf-webui: built ${out}\n  ${sizes.join('\n  ')}`);
