// Writes schemas/flow*.schema.json from the compiled catalogue (run `npm run schemas`, which type-checks first).
// A unit test compares the checked-in files with freshly generated ones, so commit them after a catalogue change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = (file) => path.join(root, 'out', 'server', 'src', 'core', 'catalogue', file);

let generator;
let catalogueModule;
try {
  generator = require(compiled('json-schema.js'));
  catalogueModule = require(compiled('index.js'));
} catch (err) {
  console.error(`Cannot load the compiled catalogue (${err.message}). Run \`npx tsc -b\` first, or use \`npm run schemas\`.`);
  process.exit(1);
}

const { flowJsonSchemaText, SCHEMA_FILES } = generator;
const catalogue = catalogueModule.builtinCatalogue();
const outDir = path.join(root, 'schemas');
mkdirSync(outDir, { recursive: true });

for (const [version, file] of Object.entries(SCHEMA_FILES)) {
  const text = flowJsonSchemaText(catalogue, version);
  writeFileSync(path.join(outDir, file), text);
  console.log(`schemas/${file}: Kestra ${version}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
}
