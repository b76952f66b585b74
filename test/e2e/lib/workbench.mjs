// Drives the VS Code workbench that code-server serves, through the keyboard and the DOM, the way a
// person would. Every wait is on something the page shows, bounded by a timeout; nothing sleeps for a
// fixed time to "let things settle".
import * as path from 'node:path';

const DEFAULT_TIMEOUT = 30_000;

/** Polls `probe` until it returns a truthy value; throws with the last value seen when time is up. */
export async function until(page, what, probe, { timeout = DEFAULT_TIMEOUT, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(interval); // one polling step, not a synchronisation sleep
  }
}

export class Workbench {
  constructor(page, artifactsDir) {
    this.page = page;
    this.artifactsDir = artifactsDir;
    this.shots = 0;
  }

  /** Loads the workbench and waits until the Explorer lists `fileName` (the folder is open). */
  async load(url, fileName) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`).waitFor({ timeout: 60_000 });
  }

  async screenshot(name) {
    this.shots += 1;
    const file = path.join(this.artifactsDir, `${String(this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Runs a command from the Command Palette: the first row whose label contains `label`. */
  async command(label) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open and waits for its editor to be the active one. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // Enter only once the file's row is the focused one (the list refreshes while results come in).
    await this.page.locator(`.quick-input-list .monaco-list-row.focused[aria-label^="${name},"]`).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.editor().locator('.view-lines').waitFor();
    await this.focusEditor();
  }

  /** The active editor (the text editor of the active editor group). */
  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
  }

  async focusEditor() {
    await this.editor().locator('textarea').first().focus();
  }

  /** Moves the cursor with Go to Line/Column (1-based, as the status bar shows them). */
  async goTo(line, column) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** The text of the active editor's rendered lines, top to bottom (non-breaking spaces as spaces). */
  async visibleLines() {
    return this.editor()
      .locator('.view-lines .view-line')
      .evaluateAll((rows) =>
        rows
          .map((row) => ({ top: parseFloat(row.style.top) || 0, text: (row.textContent ?? '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((row) => row.text),
      );
  }

  /** Shows the Problems panel (without toggling it away when it is already there). */
  async showProblems() {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.command('View: Focus Problems');
      await this.page.locator('.markers-panel').waitFor();
    }
  }

  /**
   * The problems of one file as the Problems panel lists them: the panel's filter is set to the file's
   * glob so that other files' rows do not push this one's out of the (virtualised) list.
   */
  async problemsOf(fileName) {
    await this.filterProblems(`**/${fileName}`);
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows, file) => {
      const ordered = rows
        .map((row) => ({ row, index: Number(row.getAttribute('data-index')) }))
        .sort((a, b) => a.index - b.index)
        .map((entry) => entry.row);
      const out = [];
      let current;
      for (const row of ordered) {
        const details = row.querySelector('.marker-message-details-container');
        const header = (row.getAttribute('aria-label') ?? '').match(/ in file (\S+) of folder/);
        if (!details && header) {
          current = header[1];
          continue;
        }
        if (!details || current !== file) continue;
        const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
        const where = text('.marker-line').match(/Ln (\d+), Col (\d+)/);
        const icon = row.querySelector('.marker-icon');
        out.push({
          severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? 'other',
          message: text('.marker-message'),
          source: text('.marker-source'),
          code: text('.marker-code'),
          line: where ? Number(where[1]) : 0,
          column: where ? Number(where[2]) : 0,
        });
      }
      return out;
    }, fileName);
  }

  /** Sets the Problems panel's filter ('' shows every file). */
  async filterProblems(text) {
    await this.showProblems();
    const filter = this.page.locator('.part.panel .viewpane-filter input').first();
    if ((await filter.inputValue()) === text) return;
    await filter.fill(text);
    // The list is filtered a moment later: for a file's glob, wait until no other file is listed.
    const only = text.match(/^\*\*\/(.+)$/)?.[1];
    if (only) {
      const filtered = async () => (await this.problemFiles()).every((f) => f === only);
      await until(this.page, `the Problems filter ${text}`, filtered, { timeout: 5_000 });
    }
  }

  /** The files the Problems panel lists (with the filter as it is). */
  async problemFiles() {
    return this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) =>
        rows
          .map((row) => (row.getAttribute('aria-label') ?? '').match(/ in file (\S+) of folder/)?.[1])
          .filter((name) => name !== undefined),
      );
  }

  /** Waits until the Problems panel's list for `fileName` satisfies `accept` and returns it. */
  async waitForProblems(fileName, what, accept, options) {
    let seen = [];
    try {
      return await until(
        this.page,
        what,
        async () => {
          seen = await this.problemsOf(fileName);
          return accept(seen) && { seen };
        },
        options,
      ).then((result) => result.seen);
    } catch (error) {
      error.message += `\nProblems panel for ${fileName}: ${JSON.stringify(seen, null, 1)}`;
      throw error;
    }
  }

  /** Texts of the notification toasts on screen (errors from the extension land there). */
  async notifications() {
    return this.page.locator('.notification-toast').evaluateAll((toasts) => toasts.map((t) => t.innerText.replace(/\s+/g, ' ').trim()));
  }

  async clearNotifications() {
    if ((await this.page.locator('.notification-toast').count()) > 0) {
      await this.command('Notifications: Clear All Notifications');
      await this.page.locator('.notification-toast').first().waitFor({ state: 'detached' });
      await this.page.locator('.notifications-toasts.visible').waitFor({ state: 'detached' });
    }
  }

  /** The text of the visible editor hover, or '' when none shows. */
  async hoverText() {
    const hovers = await this.page
      .locator('.monaco-hover')
      .evaluateAll((all) =>
        all
          .filter((h) => h.offsetParent !== null && !h.classList.contains('hidden'))
          .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
    return hovers.join(' | ');
  }

  /**
   * Moves the focus of an open list (suggest widget, Quick Fix menu) down to the first row whose label
   * matches, with the arrow keys as a person would (the menus block mouse clicks while they open).
   */
  async focusRow(rows, matches, what) {
    for (let step = 0; step < 50; step++) {
      const focused = await this.page.locator(`${rows}.focused`).first().getAttribute('aria-label', { timeout: 5_000 });
      if (focused !== null && matches(focused)) return focused;
      await this.page.keyboard.press('ArrowDown');
      // The focus moved when the focused row's label changed (bounded by the 5 s of getAttribute above).
      await until(
        this.page,
        `the focus to leave "${focused}"`,
        async () => (await this.page.locator(`${rows}.focused`).first().getAttribute('aria-label')) !== focused,
        {
          timeout: 5_000,
          interval: 50,
        },
      );
    }
    throw new Error(`no row of ${what} matches`);
  }

  /** The rows of the suggest widget while it is open: their accessible labels. */
  async suggestions() {
    return this.page
      .locator('.editor-widget.suggest-widget.visible .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** The rows of the Quick Fix (code action) menu while it is open. */
  async codeActions() {
    return this.page
      .locator('.action-widget .monaco-list-row.action')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }
}
