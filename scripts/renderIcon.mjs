// Renders the Marketplace icon, media/icon.png (128×128), from the activity-bar glyph media/alliances.svg:
// the glyph in white on a rounded teal square. Run once after changing the glyph or the colours:
//   node scripts/renderIcon.mjs
// It uses the Chromium and playwright-core the UI tests already need (docs/decisions/marketplace-package.md
// says why the PNG is checked in rather than made at build time). The PNG carries the SHA-256 of the glyph
// it was made from in a tEXt chunk; test/unit/marketplacePackage.test.ts fails when the glyph changed since.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 128;
const BACKGROUND = '#1f6f84';
const GLYPH = 'media/alliances.svg';
const OUT = 'media/icon.png';
/** The keyword of the tEXt chunk that names the glyph's hash. */
export const SOURCE_KEYWORD = 'alliances:source-sha256';

const glyph = readFileSync(GLYPH, 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
if (!inner) throw new Error(`${GLYPH} has no <svg> element`);

// The 24-unit glyph scaled 4× into the middle 96 px, with a 16 px margin.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <rect width="${SIZE}" height="${SIZE}" rx="24" fill="${BACKGROUND}"/>
  <g transform="translate(16 16) scale(4)" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${inner}</g>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.ALLIANCES_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  const hash = createHash('sha256').update(readFileSync(GLYPH)).digest('hex');
  writeFileSync(OUT, withTextChunk(png, SOURCE_KEYWORD, hash));
  console.log(`${OUT}: ${SIZE}×${SIZE}, from ${GLYPH} (sha256 ${hash.slice(0, 12)}…)`);
} finally {
  await browser.close();
}

/** The PNG with a tEXt chunk inserted right after IHDR (which is always 8 + 25 bytes in). */
function withTextChunk(png, keyword, text) {
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const at = 8 + 25;
  return Buffer.concat([png.subarray(0, at), length, type, data, crc, png.subarray(at)]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
