// ESLint flat config: typescript-eslint type-checked rules, plus the layer rule that keeps src/core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const layerRule = (message, patterns) => ['error', { paths: patterns.map((name) => ({ name, message })) }];

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
      'no-restricted-imports': layerRule('src/core is pure TypeScript: no vscode, no simple-git (see DESIGN.md).', [
        'vscode',
        'simple-git',
      ]),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule('The CLI runs in plain Node: it reads the store through src/core only.', ['vscode', 'simple-git']),
    },
  },
  {
    files: ['src/git/**/*.ts'],
    rules: { 'no-restricted-imports': layerRule('src/git must not depend on the VS Code API.', ['vscode']) },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: { 'no-restricted-imports': layerRule('Webview code runs in the browser: no vscode, no simple-git.', ['vscode', 'simple-git']) },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
