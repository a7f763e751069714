// Proves the harness runs these suites inside the real VS Code it is meant to run them in.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('opens exactly one workspace folder', () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });

  // The harness names the VS Code it started: 1.139 (code-server 4.139.1), or 1.133 (4.133.0), the oldest
  // the manifest claims, when ALLIANCES_CODE_SERVER_DIR picks it.
  it('runs in the VS Code the harness started (1.139, or the oldest claimed, 1.133)', () => {
    const expected = process.env.ALLIANCES_EXPECTED_VSCODE ?? '1.139';
    assert.ok(vscode.version.startsWith(expected), `VS Code ${vscode.version}, expected ${expected}`);
    assert.ok(/^1\.(139|133)\./.test(vscode.version), `VS Code ${vscode.version} is one of the tested versions`);
  });

  it('runs in a VS Code the manifest allows (engines.vscode)', () => {
    const manifest = vscode.extensions.getExtension('alliances.alliances')?.packageJSON as { engines: { vscode: string } } | undefined;
    const minimum = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest?.engines.vscode ?? '');
    assert.ok(minimum, `engines.vscode ${manifest?.engines.vscode ?? '(none)'}`);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === Number(minimum[1]) && (minor ?? 0) >= Number(minimum[2]), `VS Code ${vscode.version} satisfies ${minimum[0]}`);
  });
});
