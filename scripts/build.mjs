// Bundles the extension host client, the language server, the CLI and the webview with esbuild.
// Type-checking is separate (`tsc -b`): esbuild strips types without checking them.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir DIR builds elsewhere (the packaging test builds a production copy without touching dist/).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
};

const pkg = JSON.parse(await (await import('node:fs/promises')).readFile('package.json', 'utf8'));
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', define: { KFS_VERSION: JSON.stringify(pkg.version) } };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  { ...node, entryPoints: ['server/src/main.ts'], outfile: `${outdir}/server.js` },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['webview/src/main.ts'],
    outfile: `${outdir}/webview.js`,
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
