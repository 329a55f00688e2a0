import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { allLanguages } from '../src/translations/languages.js';
import { clearCookies, page, shadow, shadowAll } from './helpers.js';

// Every language in the browser: its banner and a placeholder fit a 320 px screen, right-to-left
// languages lay out right to left, and axe finds nothing wrong.

const article = (lang: string) => html`<div>
  <consent-manager vendors="rte-player youtube google-analytics google-ads" policy-url="/privacy" lang=${lang}></consent-manager>
  <consent-gate vendor="youtube"><template><blockquote><p>A post</p></blockquote></template></consent-gate>
</div>`;

async function ready(lang: string) {
  const { root, manager } = await page(article(lang));
  await waitUntil(() => manager.ready && manager.language === lang, `the ${lang} texts`, { timeout: 5000 });
  await manager.updateComplete;
  const gate = root.querySelector('consent-gate')!;
  await gate.updateComplete;
  return { manager, gate };
}

const overlap = (a: DOMRect, b: DOMRect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** What does not fit in `box`: content wider than it, text cut off in an element, elements on top of each other. */
function misfits(box: Element): string[] {
  const found: string[] = [];
  const outer = box.getBoundingClientRect();
  if (box.scrollWidth > box.clientWidth + 1) found.push(`${box.className} scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
  const parts = Array.from(box.querySelectorAll('h2, p, a, button'));
  for (const part of parts) {
    const rect = part.getBoundingClientRect();
    const name = `${part.localName} "${part.textContent!.trim().slice(0, 30)}"`;
    if (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5) found.push(`${name} sticks out of ${box.className}`);
    if (part.scrollWidth > part.clientWidth + 1 && part.localName !== 'a') found.push(`${name} is cut off`);
  }
  const buttons = parts.filter((part) => part.localName === 'button');
  buttons.forEach((a, i) =>
    buttons.slice(i + 1).forEach((b) => {
      if (overlap(a.getBoundingClientRect(), b.getBoundingClientRect())) found.push(`"${a.textContent!.trim()}" overlaps "${b.textContent!.trim()}"`);
    }),
  );
  return found;
}

describe('every language in the browser', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => clearCookies());

  it('the banner and a placeholder fit 320 px without clipping or overlapping, in every language', async () => {
    const problems: string[] = [];
    for (const lang of allLanguages()) {
      const { manager, gate } = await ready(lang);
      expect(document.documentElement.clientWidth).to.equal(320);
      problems.push(...misfits(shadow(manager, '.banner')!).map((problem) => `${lang} banner: ${problem}`));
      problems.push(...misfits(shadow(gate, '.placeholder')!).map((problem) => `${lang} placeholder: ${problem}`));
      fixtureCleanup();
    }
    expect(problems).to.deep.equal([]);
  }).timeout(60000);

  for (const lang of ['ar', 'he', 'fa']) {
    it(`${lang} lays out right to left: banner, dialog and placeholder`, async () => {
      await setViewport({ width: 800, height: 600 });
      const { manager, gate } = await ready(lang);
      for (const part of [shadow(manager, '.banner')!, shadow(gate, '.placeholder')!]) {
        expect(getComputedStyle(part).direction, part.className).to.equal('rtl');
        expect(part.closest('[lang]')!.getAttribute('lang')).to.equal(lang);
      }
      const [accept, reject] = shadowAll(manager, '.banner .actions button').map((b) => b.getBoundingClientRect());
      expect(accept!.right, 'Accept all comes first, on the right').to.be.greaterThan(reject!.right);
      const [gateAccept, gateOnce] = shadowAll(gate, '.actions button').map((b) => b.getBoundingClientRect());
      expect(gateAccept!.right, 'the placeholder’s first button is on the right').to.be.greaterThan(gateOnce!.left);
      expect(gateAccept!.right).to.be.at.least(gateOnce!.right);
      const title = shadow(gate, '.title')!.getBoundingClientRect();
      const message = shadow(gate, '.message')!.getBoundingClientRect();
      expect(message.right - title.right, 'the placeholder’s title starts at the right').to.be.below(1);
      await manager.openPreferences();
      const dialog = shadow(manager, 'dialog')!;
      expect(getComputedStyle(dialog).direction).to.equal('rtl');
      const heading = shadow(manager, '#dialog-title')!.getBoundingClientRect();
      const close = shadow(manager, 'dialog .close')!.getBoundingClientRect();
      expect(heading.left, 'the dialog’s title is on the right, its close button on the left').to.be.greaterThan(close.left);
      const [save, rejectAll] = shadowAll(manager, 'dialog .dialog-actions button').map((b) => b.getBoundingClientRect());
      expect(save!.right).to.be.greaterThan(rejectAll!.right);
      manager.closePreferences();
      await setViewport({ width: 320, height: 640 });
    });
  }

  // At 320 px, where the banner's text scrolls in every language.
  it('axe finds no violation in the banner, the dialog and a placeholder, in every language', async () => {
    for (const lang of allLanguages()) {
      const { manager, gate } = await ready(lang);
      expect(shadow(manager, '.ui')!.getAttribute('lang'), lang).to.equal(lang);
      expect(shadow(gate, '.base')!.getAttribute('lang'), lang).to.equal(lang);
      await expect(shadow(manager, '.banner'), lang).to.be.accessible();
      await expect(shadow(gate, '.placeholder'), lang).to.be.accessible();
      await manager.openPreferences();
      await expect(shadow(manager, 'dialog'), lang).to.be.accessible();
      manager.closePreferences();
      fixtureCleanup();
    }
  }).timeout(120000);
});
