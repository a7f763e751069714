// Preloaded (`node --require`) into a code-server whose command line has no --vscode-option, such as
// 4.133.0 (VS Code 1.133), the oldest release the integration suite runs in. Such a code-server refuses
// any option it does not list, and hands every option it parsed to the VS Code server unchanged; so this
// adds VS Code's own `enable-smoke-test-driver` to its list, and the harness passes it as
// `--enable-smoke-test-driver`. Newer code-server releases take `--vscode-option enable-smoke-test-driver`
// and never load this file. Nothing else of code-server is changed.
import * as path from 'path';

// code-server's entry runs twice (a wrapper process and the server it forks, with the same --require);
// anything else that inherits the flag is left alone.
const entry = process.argv[1] ?? '';
if (/[\\/]out[\\/]node[\\/]entry(\.js)?$/.test(entry)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.join(path.dirname(entry), 'cli.js')) as { options: Record<string, unknown> };
  cli.options['enable-smoke-test-driver'] ??= { type: 'boolean', description: 'VS Code: let a test driver run the workbench.' };
}
