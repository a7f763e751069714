// One rating scale (docs/decisions/rating-scale.md): the quick flow (Log Check-in) and the partner page's
// full form name every rating 1–5 with the same words, core's vocabulary's, in the display language.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { configureL10n } from '../../src/core/l10nConfig';
import { english } from '../../src/core/translator';
import { RATINGS, ratingLabel, type Rating } from '../../src/core/vocabulary';
import { ratingOptions } from '../../src/webview/partnerPage/choices';

const ROOT = path.resolve(__dirname, '../../..');
const pseudo = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.qps-ploc.json'), 'utf8')) as Record<string, string>;

/**
 * The quick flow's rating items. The command module imports vscode, which plain Node has not: it is
 * loaded with a stand-in whose l10n.t is @vscode/l10n's (what VS Code's does with the same bundle).
 */
function quickFlowRatings(): Map<number, string> {
  const stub = {
    l10n: { t: (...args: Parameters<typeof l10n.t>) => l10n.t(...args) },
    ThemeIcon: class {},
    QuickInputButtons: {},
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ratingItems } = require('../../src/extension/checkIns/logCheckIn') as typeof import('../../src/extension/checkIns/logCheckIn');
    return new Map(ratingItems().map((item) => [item.rating, item.description ?? '']));
  } finally {
    loader._load = original;
  }
}

/** The full form's rating options: value → the radio's label. */
const formRatings = (): Map<number, string> => new Map(ratingOptions().map(([value, label]) => [Number(value), label]));

describe('the rating scale: one vocabulary for the quick flow and the full form', () => {
  after(() => configureL10n({}));

  for (const language of ['English', 'the pseudo-locale'] as const) {
    it(`both list 1 to 5 and name each rating with the vocabulary's label (${language})`, () => {
      configureL10n(language === 'English' ? {} : pseudo);
      const quick = quickFlowRatings();
      const form = formRatings();
      assert.deepEqual([...quick.keys()].sort(), [...RATINGS]);
      assert.deepEqual([...form.keys()].sort(), [...RATINGS]);
      for (const rating of RATINGS) {
        assert.equal(quick.get(rating), ratingLabel(rating), `the quick flow's ${rating}`);
        assert.equal(form.get(rating), `${rating} – ${ratingLabel(rating)}`, `the form's ${rating}`);
      }
    });
  }

  it("the form's rating labels go through l10n: in the pseudo-locale each is the bundle's translation", () => {
    configureL10n(pseudo);
    const form = formRatings();
    for (const rating of RATINGS) {
      const label = form.get(rating) ?? '';
      const inEnglish = ratingLabel(rating, english);
      assert.ok(!label.includes(inEnglish), `the form's ${rating} is still English: "${label}"`);
      const translated = Object.entries(pseudo).find(([key]) => key === inEnglish || key.startsWith(`${inEnglish}/`))?.[1];
      assert.ok(translated, `no pseudo translation of "${inEnglish}"`);
      assert.equal(label, `${rating} – ${translated}`);
    }
  });

  it('the scale runs from 1 (worst, "Broken") to 5 (best, "Great"), every label different', () => {
    configureL10n({});
    const labels = RATINGS.map((rating: Rating) => ratingLabel(rating));
    assert.equal(new Set(labels).size, 5);
    assert.match(ratingLabel(1), /^Broken/);
    assert.equal(ratingLabel(2), 'Strained');
    assert.match(ratingLabel(5), /^Great/);
  });
});
