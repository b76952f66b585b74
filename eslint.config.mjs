// Lint rules, plus the architecture's import boundaries (ARCHITECTURE.md, "Invariants"):
// core is editor-free, server code never imports vscode, the webview never imports Node or server code.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'schemas/', '.e2e/', 'artifacts/', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: {
      'no-console': 'error', // stdout is the LSP transport
    },
  },
  {
    // Later blocks override earlier ones for the same rule: core's stricter list comes after this one.
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['vscode'], message: 'server code runs outside VS Code' }]),
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
          message: 'core is editor-independent',
        },
        { group: ['node:*', 'fs', 'path', 'child_process'], message: 'core does no I/O: inject it' },
        { group: ['**/lsp/**', '**/cli/**', '**/runner/**'], message: 'imports point one way: core <- lsp, core <- runner <- cli' },
      ]),
    },
  },
  {
    files: ['webview/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['vscode', 'node:*'], message: 'the webview runs in a browser' },
        { group: ['**/client/**'], message: 'the webview talks to the host by messages only' },
        {
          group: ['@vscode/webview-ui-toolkit', '@vscode/webview-ui-toolkit/*'],
          message: 'import the UI toolkit from webview/src/ui/ only',
        },
      ]),
    },
  },
  {
    files: ['webview/src/ui/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/server/src/core/**', '**/server/src/lsp/**', '**/server/src/cli/**'],
          message: 'the client imports only server/src/protocol',
        },
      ]),
    },
  },
);
