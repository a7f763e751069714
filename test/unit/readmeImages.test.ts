// README images come only from the clean demo workspace: the guard that docs/images/ writes go through
// refuses a workspace with planted (hostile) records, and only the README image spec writes there.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { README_IMAGES, assertCleanDemoWorkspace, readmeImagePath } from '../e2e/readmeImages';
import { makeTempDir, removeTempDir } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const e2eDir = path.join(repoRoot, 'test', 'e2e');
const README_SPEC = 'readmeImages.test.ts';

function writeRecord(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('README images', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  afterEach(async () => removeTempDir(dir));

  const demo = async () => {
    dir = await makeTempDir('alliances-readme-');
    await createDemoWorkspace(dir);
    return dir;
  };
  const partnerFile = (workspace: string, name: string) => {
    const partners = path.join(workspace, '.alliances', 'partners');
    const file = fs
      .readdirSync(partners)
      .map((f) => path.join(partners, f))
      .find((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { name: string }).name === name);
    assert.ok(file, name);
    return file;
  };

  it('the guard accepts the demo workspace as createDemoWorkspace makes it', async () => {
    assertCleanDemoWorkspace(await demo());
  });

  it('the guard refuses a workspace with a partner planted by a hostile-text test', async () => {
    const workspace = await demo();
    const when = new Date().toISOString();
    writeRecord(path.join(workspace, '.alliances', 'partners', 'mallory.json'), {
      schemaVersion: 1,
      id: 'mallory',
      name: '<img src=x onerror=alert(1)> Mallory',
      department: 'Legal <script>alert(2)</script>',
      cadenceDays: 30,
      createdAt: when,
      updatedAt: when,
    });
    assert.throws(() => assertCleanDemoWorkspace(workspace), /only from the clean demo workspace.*other partners/s);
  });

  it('the guard refuses hostile text in a demo partner record, even with the same partners', async () => {
    const workspace = await demo();
    for (const payload of [
      HOSTILE_PAYLOADS[3],
      { name: 'summary', text: 'Send the Q1 estimates </textarea><img src=x onerror=alert(1)>' },
    ]) {
      const file = partnerFile(workspace, 'Dana Whitfield');
      const original = fs.readFileSync(file, 'utf8');
      const record = JSON.parse(original) as Record<string, unknown>;
      fs.writeFileSync(file, JSON.stringify({ ...record, role: payload.text }));
      assert.throws(() => assertCleanDemoWorkspace(workspace), /only from the clean demo workspace/, payload.name);
      fs.writeFileSync(file, original);
    }
    assertCleanDemoWorkspace(workspace);
  });

  it('the guard refuses a store changed since the demo commit (a record added or edited)', async () => {
    const workspace = await demo();
    const file = partnerFile(workspace, 'Jonas Berg');
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...record, cadenceDays: 7 }, null, 2));
    assert.throws(() => assertCleanDemoWorkspace(workspace), /store changes since the demo's commit/);
  });

  it('the guard refuses a folder that is not the demo', async () => {
    dir = await makeTempDir('alliances-readme-');
    assert.throws(() => assertCleanDemoWorkspace(dir!), /has no demo store/);
    assert.throws(() => readmeImagePath(repoRoot, 'hostile' as never), /not one of the README images/);
  });

  it('only the README image spec writes docs/images/, and it plants nothing', () => {
    for (const name of fs.readdirSync(e2eDir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(e2eDir, name), 'utf8');
      if (name !== README_SPEC) assert.doesNotMatch(text, /\.readmeScreenshot\(/, `${name} takes no README image`);
      // The path is spelled out in readmeImages.ts alone; the workbench writes through readmeImagePath.
      if (name !== 'readmeImages.ts')
        assert.doesNotMatch(text, /['"`]docs['"`]\s*,\s*['"`]images|['"`][^'"`\n]*docs\/images/, `${name} names no docs/images path`);
    }
    const spec = fs.readFileSync(path.join(e2eDir, README_SPEC), 'utf8');
    assert.match(spec, /createDemoWorkspace\(workspace\)/, 'the README spec opens the demo workspace');
    assert.doesNotMatch(spec, /hostile|writeFileSync|writeRecord|['"`]\.alliances/i, 'the README spec plants no record');
  });

  it('every picture the README shows is one the README spec takes, and docs/images holds no other', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/\]\(docs\/images\/([\w-]+)\.png\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(shown, [...README_IMAGES].sort(), 'README.md shows exactly the README images');
    const spec = fs.readFileSync(path.join(e2eDir, README_SPEC), 'utf8');
    const taken = [...spec.matchAll(/readmeScreenshot\('([\w-]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(taken, [...README_IMAGES].sort(), 'the README spec takes each README image');
    const files = fs
      .readdirSync(path.join(repoRoot, 'docs', 'images'))
      .filter((f) => f.endsWith('.png'))
      .sort();
    assert.deepEqual(files, README_IMAGES.map((name) => `${name}.png`).sort());
  });
});
