// The package is one the Marketplace and Open VSX take as it is: a 128×128 PNG icon made from the current
// glyph and shipped, the links, categories, keywords and banner set, the README's images rewritten to
// absolute URLs by vsce, and the manifest within Open VSX's rules (docs/decisions/marketplace-package.md).
// `npm test` also packages with vsce and fails on any warning it prints (scripts/test.sh).
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const read = (relative: string): Buffer => fs.readFileSync(path.join(repoRoot, relative));

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  displayName: string;
  description: string;
  license: string;
  icon: string;
  homepage: string;
  repository: { type: string; url: string };
  bugs: { url: string };
  categories: string[];
  keywords: string[];
  galleryBanner: { color: string; theme: string };
  engines: { vscode: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}
const nls = JSON.parse(read('package.nls.json').toString('utf8')) as Record<string, string>;
/** package.json as the galleries read it: "%key%" strings replaced from package.nls.json. */
const manifest = JSON.parse(read('package.json').toString('utf8'), (_key, value: unknown) =>
  typeof value === 'string' && /^%[^%]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value,
) as Manifest;

/** The Marketplace's categories (the `categories` enum of VS Code's extension manifest schema). */
const MARKETPLACE_CATEGORIES = [
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
];
const REPOSITORY = 'https://github.com/alliances-dev/alliances';

interface PngChunk {
  type: string;
  data: Buffer;
}
/** The chunks of a PNG file, in order; throws on a bad signature or a truncated chunk. */
function pngChunks(png: Buffer): PngChunk[] {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.subarray(0, 8).equals(signature), 'a PNG signature');
  const chunks: PngChunk[] = [];
  for (let at = 8; at < png.length;) {
    assert.ok(at + 12 <= png.length, `a whole chunk header at byte ${at}`);
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    assert.ok(at + 12 + length <= png.length, `the ${type} chunk is whole`);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

describe('the Marketplace and Open VSX package', () => {
  it('has a 128×128 PNG icon, made from the current media/alliances.svg (scripts/renderIcon.mjs)', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const chunks = pngChunks(read(manifest.icon));
    assert.equal(chunks[0]?.type, 'IHDR', 'IHDR comes first');
    const ihdr = chunks[0].data;
    assert.deepEqual([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)], [128, 128], 'width × height');
    assert.equal(chunks.at(-1)?.type, 'IEND');
    const source = chunks.find((c) => c.type === 'tEXt' && c.data.toString('latin1').startsWith('alliances:source-sha256\0'));
    assert.ok(source, 'the PNG names the glyph it was made from');
    const glyphHash = createHash('sha256').update(read('media/alliances.svg')).digest('hex');
    assert.equal(source.data.toString('latin1').split('\0')[1], glyphHash, 'media/alliances.svg changed: run node scripts/renderIcon.mjs');
  });

  it('ships the icon: .vscodeignore lets it into the .vsix', () => {
    const patterns = read('.vscodeignore')
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    // As vsce reads it: the last pattern that matches a path decides; "!" lets the path in.
    const shipped = (file: string): boolean =>
      patterns.reduce((inside, pattern) => {
        const negated = pattern.startsWith('!');
        return minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true }) ? negated : inside;
      }, true);
    assert.ok(shipped(manifest.icon), `${manifest.icon} is packaged`);
    assert.ok(!shipped('docs/images/sidebar.png'), 'the README screenshots are served from the repository, not packaged');
  });

  it('links the repository, the issues and the home page, all https on the one repository', () => {
    assert.equal(manifest.repository.type, 'git');
    assert.equal(manifest.repository.url, `${REPOSITORY}.git`);
    assert.equal(manifest.bugs.url, `${REPOSITORY}/issues`);
    assert.equal(manifest.homepage, `${REPOSITORY}#readme`);
  });

  it('has Marketplace categories, keywords within vsce’s limit of 30, and a gallery banner', () => {
    assert.ok(manifest.categories.length > 0);
    for (const category of manifest.categories)
      assert.ok(MARKETPLACE_CATEGORIES.includes(category), `${category} is a Marketplace category`);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, `${manifest.keywords.length} keywords`);
    assert.equal(new Set(manifest.keywords).size, manifest.keywords.length, 'no keyword twice');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  it('is version 0.2.0, with its CHANGELOG section', () => {
    assert.equal(manifest.version, '0.2.0');
    const changelog = read('CHANGELOG.md').toString('utf8');
    const heading = `## [${manifest.version}]`;
    assert.ok(
      changelog.split('\n').some((line) => line.startsWith(heading)),
      `CHANGELOG.md has a "${heading}" section`,
    );
  });

  it('lets vsce rewrite the README images to absolute URLs (no --allow-missing-repository, no --no-rewrite-relative-links)', () => {
    const script = manifest.scripts.package ?? '';
    assert.match(script, /^vsce package /);
    assert.doesNotMatch(script, /--allow-|--no-rewrite-relative-links|--baseImagesUrl/);
    assert.match(script, /--githubBranch main\b/, 'images come from main: https://github.com/…/raw/main/docs/images/…');
    const readme = read('README.md').toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
    assert.ok(images.length > 0);
    for (const image of images) {
      // Relative (vsce makes it absolute from `repository`) and a PNG: the galleries refuse SVG images.
      assert.match(image, /^docs\/images\/[\w-]+\.png$/, image);
      assert.ok(fs.existsSync(path.join(repoRoot, image)), `${image} exists`);
    }
  });

  it('claims the VS Code it is tested on, with @types/vscode no newer (vsce refuses that)', () => {
    assert.equal(manifest.engines.vscode, '^1.133.0');
    const types = /^[~^]?(\d+)\.(\d+)\.\d+$/.exec(manifest.devDependencies['@types/vscode'] ?? '');
    assert.ok(types, '@types/vscode has a plain version');
    assert.ok(Number(types[1]) === 1 && Number(types[2]) <= 133, `@types/vscode ${types[0]} is not newer than 1.133`);
    const setup = read('scripts/setup.sh').toString('utf8');
    assert.match(setup, /OLDEST_CODE_SERVER_VERSION=4\.133\.\d+/, 'setup.sh installs code-server 4.133 (VS Code 1.133)');
  });

  // Open VSX's own client checks only publisher, name, version and a licence offline (`ovsx` has no
  // offline validation command); the rest are the rules its server applies on publish (ExtensionValidator).
  it('passes the checks Open VSX makes on publish', () => {
    for (const field of ['publisher', 'name', 'version'] as const) assert.ok(manifest[field], `${field} is set`);
    assert.equal(manifest.license, 'MIT');
    assert.ok(fs.existsSync(path.join(repoRoot, 'LICENSE')), 'a LICENSE file');
    for (const name of [manifest.publisher, manifest.name]) assert.match(name, /^[\w\-+$~]+$/);
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    // No control, format, unassigned, private-use or line/paragraph separator characters; within the limits.
    const bad = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
    const limits: Array<[string, string, number]> = [
      ['displayName', manifest.displayName, 255],
      ['description', manifest.description, 2048],
      ['license', manifest.license, 255],
      ['galleryBanner.color', manifest.galleryBanner.color, 16],
      ...manifest.categories.map((c): [string, string, number] => ['categories', c, 255]),
      ...manifest.keywords.map((k): [string, string, number] => ['keywords', k, 255]),
    ];
    for (const [field, value, limit] of limits) {
      assert.ok(value.length > 0 && value.length <= limit, `${field}: 1–${limit} characters`);
      assert.doesNotMatch(value, bad, `${field} holds no invisible or control character`);
    }
    for (const [field, value] of [
      ['homepage', manifest.homepage],
      ['repository', manifest.repository.url],
      ['bugs', manifest.bugs.url],
    ] as const) {
      const url = new URL(value);
      assert.equal(url.protocol, 'https:', field);
      assert.ok(url.host.length > 0 && value.length <= 255, field);
    }
  });
});
