// ESLint flat config: typescript-eslint type-checked rules, plus the layer rules that keep each part of
// src/ to what it may import (docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * A layer rule: the packages a layer may not import (and their subpaths), and the top-level folders of
 * src/ it may not import. A relative import is caught at any depth (`../extension/x`, `../../git/y`), so a
 * file in src/core/stats/ is held to the same rule as one in src/core/. The check reads the import text,
 * not the resolved path: a folder inside a layer named like a layer (say src/core/git/) would be flagged
 * too, so do not name one so. test/unit/layerRules.test.ts proves each rule.
 */
const layerRule = (layer, { folders, modules, reason }) => {
  const message = `${reason} See docs/architecture.md.`;
  return [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: [
        ...modules.map((name) => ({ regex: `^${name}/`, message })),
        ...folders.map((folder) => ({
          regex: `^(\\.\\./)+(src/)?${folder}(/|$)`,
          message: `src/${layer} must not import src/${folder}. ${message}`,
        })),
      ],
    },
  ];
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.cache/', 'node_modules/', '.demo/', 'test-results/', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  // Layout is Prettier's (npm run format); ESLint keeps to correctness.
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-eval': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule('core', {
        folders: ['extension', 'git', 'webview', 'cli'],
        modules: ['vscode', 'simple-git'],
        reason: 'src/core is pure TypeScript: no VS Code, no git, no webview, no CLI; the other layers use it.',
      }),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule('cli', {
        folders: ['extension', 'webview'],
        modules: ['vscode', 'simple-git'],
        reason:
          'The CLI runs in plain Node: it reads the store through src/core and git through src/git (alliances impact), never simple-git itself.',
      }),
    },
  },
  {
    files: ['src/git/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule('git', {
        folders: ['extension', 'webview', 'cli'],
        modules: ['vscode'],
        reason: 'src/git wraps simple-git for the extension and may use src/core, never the VS Code API or the layers above it.',
      }),
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule('webview', {
        folders: ['extension', 'git', 'cli'],
        modules: ['vscode', 'simple-git'],
        reason: 'Webview code runs in the browser: it may use src/core, never the extension host, git or the CLI.',
      }),
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
