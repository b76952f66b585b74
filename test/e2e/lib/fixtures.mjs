// The files the end-to-end suite opens, written into a fresh workspace before code-server starts
// (so the file search behind Quick Open finds them at once). Kept as strings, not .yml files, because
// several are deliberately broken YAML that a formatter must not touch.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const files = {
  // a. three mistakes a beginner makes: a misspelt property, a short trigger type, an unquoted {{ }}.
  'broken.yml': `id: broken
namespace: company.team

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    mesage: Hello {{ inputs.name }}

  - id: greet
    type: io.kestra.plugin.core.log.Log
    message: {{ inputs.name }}

triggers:
  - id: nightly
    type: schedule
    cron: "0 2 * * *"
`,
  // b. completion after \`type: \` (line 6 ends with the space).
  'complete.yml': `id: completion
namespace: company.team

tasks:
  - id: hello
    type: 
    message: Hi there
`,
  // c. hover over a task type: a valid flow, so no problem hover competes with the documentation.
  'hover.yml': `id: hover
namespace: company.team

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: Hi there
`,
  // d. the quick fix renames \`mesage\` (line 7, column 5).
  'fix.yml': `id: fix
namespace: company.team

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    mesage: Hello
`,
  // e. a Helm values file: YAML with \`type: schedule\`, a misspelt key and an unquoted {{ }}, but no
  // flow keys, so Kestra Flow Studio must leave it alone.
  'values.yml': `# Helm chart values: YAML, not a Kestra flow
replicaCount: 2
image:
  repository: nginx
  tag: {{ .Chart.AppVersion }}
backup:
  type: schedule
  mesage: nightly
`,
  // e. the flow opened after values.yml: once its diagnostic shows, the server has seen both files.
  'sentinel.yml': `id: sentinel
namespace: company.team

tasks:
  - id: only
    type: io.kestra.plugin.core.log.Log
    message: Hi
    colour: blue
`,
};

export function writeWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
}

// `node fixtures.mjs DIR` writes the workspace (run.sh does this before starting code-server).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node fixtures.mjs WORKSPACE_DIR');
  writeWorkspace(dir);
  console.log(`wrote ${Object.keys(files).length} files into ${dir}`);
}
