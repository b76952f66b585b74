// End-to-end tests of Kestra Flow Studio in a real VS Code (code-server), driven in Chromium.
// run.sh starts code-server and Chromium, then runs this file with:
//   KFS_E2E_URL        the workbench URL (folder included)
//   KFS_E2E_CDP        Chromium's DevTools endpoint (http://127.0.0.1:PORT)
//   KFS_E2E_TOOLS      the folder setup.sh installed playwright-core into
//   KFS_E2E_ARTIFACTS  where screenshots go (one per step)
//   KFS_E2E_WORKSPACE  the workspace folder (fixtures.mjs wrote it)
//   KFS_E2E_SCREENSHOT optional: also save the README screenshot to this path
// It prints one line per test and closes with `N passed, N failed`; the exit code is non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { until, Workbench } from './lib/workbench.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through test/e2e/run.sh`);
  return value;
};
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = env('KFS_E2E_WORKSPACE');
const { chromium } = createRequire(path.join(env('KFS_E2E_TOOLS'), 'node_modules', 'index.js'))('playwright-core');

const LOG_TYPE = 'io.kestra.plugin.core.log.Log';
/** The Log task's documentation, as the catalogue (through the generated JSON Schema) states it. */
const logDescription = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'flow.schema.json'), 'utf8')).definitions[LOG_TYPE]
  .description;

/** What `kfs validate` says about a workspace file: the editor must show exactly this. */
function cliDiagnostics(fileName) {
  let out;
  try {
    out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'validate', fileName], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    out = error.stdout; // exit code 1 when the file has errors
  }
  return out
    .split('\n')
    .map((line) => line.match(/^[^:]+:(\d+):(\d+) (\w+) (\S+) (.*)$/))
    .filter(Boolean)
    .map((m) => ({ line: Number(m[1]), column: Number(m[2]), severity: m[3], code: m[4], message: m[5] }));
}

const key = (d) => `${d.line}:${d.column} ${d.code} ${d.message}`;
const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('e. a non-flow YAML file opened alone gets no kfs diagnostics', async (wb) => {
  await wb.openFile('values.yml'); // the first YAML file of the session: nothing but it is open
  await wb.screenshot('values-opened');
  // Then a flow: once its diagnostic is listed, the server is running and has been sent both files.
  await wb.openFile('sentinel.yml');
  await wb.waitForProblems('sentinel.yml', 'the sentinel flow diagnostic', (ps) =>
    ps.some((p) => p.code === 'unknown-property' && p.line === 8),
  );
  const problems = await wb.problemsOf('values.yml');
  check(problems.length === 0, `values.yml got diagnostics: ${JSON.stringify(problems)}`);
  await wb.openFile('values.yml');
  const squiggles = await wb.editor().locator('.squiggly-error, .squiggly-warning, .squiggly-info').count();
  check(squiggles === 0, `values.yml shows ${squiggles} squiggles`);
});

test('a. a broken flow lists its diagnostics, with their kfs codes, in the Problems panel', async (wb) => {
  const expected = cliDiagnostics('broken.yml');
  for (const [line, code] of [
    [7, 'unknown-property'], // mesage
    [11, 'unquoted-expression'], // message: {{ inputs.name }}
    [15, 'unknown-type'], // type: schedule in a trigger
  ]) {
    check(
      expected.some((d) => d.line === line && d.code === code),
      `kfs validate does not report ${code} on line ${line}: ${JSON.stringify(expected)}`,
    );
  }
  await wb.openFile('broken.yml');
  const want = expected.map(key).sort();
  const shown = await wb.waitForProblems('broken.yml', `the ${want.length} diagnostics of kfs validate`, (ps) => {
    const got = ps.map(key).sort();
    return got.length === want.length && got.every((k, i) => k === want[i]);
  });
  check(
    shown.every((p) => p.source === 'kfs' && p.severity === expected.find((d) => key(d) === key(p))?.severity),
    `source or severity differs: ${JSON.stringify(shown)}`,
  );
  check(
    shown.some((p) => p.line === 7 && /mesage/.test(p.message) && /message/.test(p.message.replace('mesage', ''))),
    'the unknown-property message does not name `mesage` and suggest `message`',
  );
});

test('c. hover over a task type shows its documentation', async (wb) => {
  await wb.openFile('hover.yml');
  await wb.goTo(6, 20); // inside io.kestra.plugin.core.log.Log
  let attempts = 0;
  const text = await until(
    wb.page,
    `a hover containing "${logDescription}"`,
    async () => {
      const shown = await wb.hoverText();
      if (shown.includes(logDescription)) return shown;
      // Show Hover again now and then: the first request can come before the server answers.
      if (attempts++ % 5 === 0) {
        await wb.focusEditor();
        await wb.page.keyboard.press('Control+K');
        await wb.page.keyboard.press('Control+I');
      }
      return false;
    },
    { timeout: 20_000, interval: 300 },
  ).catch(async (error) => {
    error.message += `\nhover shown: ${JSON.stringify(await wb.hoverText())}`;
    throw error;
  });
  check(text.includes('Log'), `the hover does not name the type: ${text}`);
  await wb.screenshot('hover');
  await wb.page.keyboard.press('Escape');
});

test('b. completion after `type: ` offers io.kestra.plugin.core.log.Log', async (wb) => {
  await wb.openFile('complete.yml');
  await wb.goTo(6, 11); // after "    type: "
  await wb.page.keyboard.type('Log');
  let attempts = 0;
  const hasLog = (rows) => rows.some((r) => r.includes(LOG_TYPE));
  await until(
    wb.page,
    `a suggestion for ${LOG_TYPE}`,
    async () => {
      const rows = await wb.suggestions();
      if (hasLog(rows)) return rows;
      if (attempts++ % 5 === 0 && rows.length === 0) await wb.page.keyboard.press('Control+Space');
      return false;
    },
    { timeout: 20_000, interval: 300 },
  ).catch(async (error) => {
    error.message += `\nsuggestions shown: ${JSON.stringify(await wb.suggestions())}`;
    throw error;
  });
  await wb.screenshot('completion');
  // Accept it (the row focused first may be another match of "Log").
  await wb.focusRow('.editor-widget.suggest-widget.visible .monaco-list-row', (label) => label.includes(LOG_TYPE), 'the suggest widget');
  await wb.page.keyboard.press('Enter');
  await until(wb.page, `line 6 to read "type: ${LOG_TYPE}"`, async () =>
    (await wb.visibleLines()).some((l) => l.trimEnd() === `    type: ${LOG_TYPE}`),
  ).catch(async (error) => {
    error.message += `\neditor lines: ${JSON.stringify(await wb.visibleLines())}`;
    throw error;
  });
});

test('d. the quick fix renames `mesage` to `message` and the diagnostic disappears', async (wb) => {
  await wb.openFile('fix.yml');
  await wb.waitForProblems('fix.yml', 'unknown-property on line 7', (ps) => ps.some((p) => p.code === 'unknown-property' && p.line === 7));
  await wb.goTo(7, 5);
  await wb.page.keyboard.press('Control+.');
  const rename = /mesage.*message/;
  const actions = await until(wb.page, 'a quick fix renaming `mesage`', async () => {
    const shown = await wb.codeActions();
    return shown.some((a) => rename.test(a)) && shown;
  }).catch(async (error) => {
    error.message += `\nquick fixes shown: ${JSON.stringify(await wb.codeActions())}`;
    throw error;
  });
  await wb.screenshot('quick-fix-menu');
  // Apply the rename itself (the menu also offers to ignore the rule on this line).
  await wb.focusRow('.action-widget .monaco-list-row.action', (label) => rename.test(label), 'the Quick Fix menu');
  await wb.page.keyboard.press('Enter');
  await until(wb.page, 'line 7 to read "message: Hello"', async () => (await wb.visibleLines()).some((l) => l === '    message: Hello'));
  // The old markers stay listed until the server publishes new ones: an empty list is its answer.
  await wb.waitForProblems('fix.yml', 'no diagnostic left in fix.yml', (ps) => ps.length === 0, { timeout: 15_000 });
  await wb.screenshot('quick-fix-applied');
});

/**
 * The README picture: broken.yml alone, its problems listed, and over it the hover of its first task's
 * type (the Log documentation next to the problem on that line). While the server answers no hover, the
 * Quick Fix menu of `mesage` stands in, and the log says so.
 */
async function readmeScreenshot(wb, file) {
  await wb.command('File: Save All');
  await wb.command('View: Close All Editors');
  await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  await wb.openFile('broken.yml');
  await wb.waitForProblems('broken.yml', 'the diagnostics of broken.yml', (ps) => ps.length >= 3);
  await wb.filterProblems('');
  // Closed files lose their markers once the server sees them closed: wait for broken.yml alone.
  await until(wb.page, 'broken.yml alone in the Problems panel', async () => {
    const listed = await wb.problemFiles();
    return listed.length === 1 && listed[0] === 'broken.yml';
  });
  let shows = 'the hover of a task type';
  await wb.clearNotifications();
  await wb.goTo(6, 20);
  await wb.page.keyboard.press('Control+K');
  await wb.page.keyboard.press('Control+I');
  const outcome = await until(wb.page, 'the hover or an error notification', async () => {
    if ((await wb.notifications()).length > 0) return 'notification';
    return (await wb.hoverText()).includes(logDescription) && 'documentation';
  }).catch(() => 'nothing');
  if (outcome !== 'documentation') {
    shows = `the Quick Fix menu (hover: ${outcome})`;
    await wb.page.keyboard.press('Escape');
    await wb.clearNotifications();
    await wb.goTo(7, 5);
    await wb.page.keyboard.press('Control+.');
    await until(wb.page, 'the Quick Fix menu', async () => (await wb.codeActions()).some((a) => /mesage.*message/.test(a)));
  }
  const toasts = await wb.notifications();
  if (toasts.length > 0) throw new Error(`a notification would cover the picture: ${toasts.join(' | ')}`);
  await wb.page.screenshot({ path: file });
  console.log(`screenshot: ${path.relative(repoRoot, file)} shows ${shows}`);
}

async function main() {
  const browser = await chromium.connectOverCDP(env('KFS_E2E_CDP'));
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const wb = new Workbench(page, env('KFS_E2E_ARTIFACTS'));
  const started = Date.now();
  await wb.load(env('KFS_E2E_URL'), 'broken.yml').catch(async (error) => {
    await wb.screenshot('failed-load').catch(() => undefined);
    throw error;
  });
  console.log(`workbench loaded in ${Date.now() - started} ms`);
  await wb.screenshot('workbench');

  let passed = 0;
  let failed = 0;
  const toasts = new Set();
  for (const { name, fn } of tests) {
    const t0 = Date.now();
    try {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('test timed out after 90 s')), 90_000);
      });
      await Promise.race([fn(wb), timeout]).finally(() => clearTimeout(timer));
      passed += 1;
      console.log(`ok     ${name} (${Date.now() - t0} ms)`);
      await wb.screenshot(`${name.slice(0, 1)}-passed`).catch(() => undefined);
    } catch (error) {
      failed += 1;
      console.log(`FAILED ${name} (${Date.now() - t0} ms)\n${String(error?.stack ?? error).replace(/^/gm, '    ')}`);
      await wb.screenshot(`failed-${name.slice(0, 1)}`).catch(() => undefined);
    }
    for (const t of await wb.notifications().catch(() => [])) toasts.add(t);
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  for (const t of toasts) console.log(`note: notification shown during the run: ${t}`);

  const screenshotPath = process.env['KFS_E2E_SCREENSHOT'];
  if (screenshotPath) {
    await readmeScreenshot(wb, path.resolve(repoRoot, screenshotPath)).catch((error) => {
      failed += 1;
      console.log(`FAILED README screenshot\n    ${error.message}`);
    });
  }
  await browser.close().catch(() => undefined);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`FAILED to run the suite: ${error?.stack ?? error}`);
    console.log(`0 passed, ${tests.length} failed`);
    process.exit(1);
  },
);
