// Proves the harness runs these suites inside the real VS Code it is meant to run them in.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('opens exactly one workspace folder', () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('runs in VS Code 1.139 (code-server 4.139.1)', () => {
    assert.ok(vscode.version.startsWith('1.139'), `VS Code ${vscode.version}`);
  });
});
