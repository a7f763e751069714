// The committed l10n bundles are what Microsoft's extractor makes from today's sources: a message added,
// changed or removed without `npm run l10n` fails here (translators work from these files).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson, getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): l10nJsonFormat => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as l10nJsonFormat;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : /\.(ts|tsx|js|jsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('localisation bundles', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json holds exactly the messages of src/ (run `npm run l10n` after changing one)', async () => {
    const files = sources(path.join(root, 'src')).map((file) => ({ extension: path.extname(file), contents: readFileSync(file, 'utf8') }));
    const extracted = await getL10nJson(files);
    const committed = readJson('l10n/bundle.l10n.json');
    const missing = Object.keys(extracted).filter((key) => !(key in committed));
    const stale = Object.keys(committed).filter((key) => !(key in extracted));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'the bundle is out of date: run `npm run l10n`');
    assert.deepEqual(committed, extracted);
    assert.ok(
      Object.keys(extracted).length > 300,
      `only ${Object.keys(extracted).length} messages found: is the extractor still seeing the sources?`,
    );
  });

  it('the pseudo-localised bundles (qps-ploc) match the English ones', () => {
    assert.deepEqual(readJson('l10n/bundle.l10n.qps-ploc.json'), getL10nPseudoLocalized(readJson('l10n/bundle.l10n.json')));
    assert.deepEqual(readJson('package.nls.qps-ploc.json'), getL10nPseudoLocalized(readJson('package.nls.json')));
  });

  it('package.json points VS Code at the bundles', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });
});
