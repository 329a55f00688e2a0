import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { button, clearCookies, page, shadow, shadowAll } from './helpers.js';

/** The focused element, looking inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const article = (theme: string, lang = 'en') => html`
  <div>
    <consent-manager vendors="rte-player youtube x google-analytics" policy-url="/privacy" theme=${theme} lang=${lang}></consent-manager>
    <h1>Aleppo talks</h1>
    <p>Negotiators have returned to the table. <a href="#one">A link in the text</a></p>
    <consent-gate vendor="rte-player">
      <template><iframe src="https://www.rte.ie/bosco/components/player/iframe.html?clipid=1" width="640" height="360" title="RTÉ Player"></iframe></template>
    </consent-gate>
    ${Array.from({ length: 30 }, (_, i) => html`<p><a href="#${i}">Related story ${i}</a></p>`)}
  </div>
`;

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('accessibility', () => {
  afterEach(async () => {
    clearCookies();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'ar']) {
      it(`axe finds no violation in the banner, the dialog and a placeholder (${theme}, ${lang})`, async () => {
        const { root, manager } = await page(article(theme, lang));
        await waitUntil(() => manager.ready, 'started', { timeout: 5000 });
        await manager.updateComplete;
        const gate = root.querySelector('consent-gate')!;
        if (lang === 'ar') expect(shadow(manager, '.ui')!.getAttribute('dir')).to.equal('rtl');
        await gate.updateComplete;
        await expect(shadow(manager, '.banner')).to.be.accessible();
        await expect(shadow(gate, '.placeholder')).to.be.accessible();
        await manager.openPreferences();
        await expect(shadow(manager, 'dialog')).to.be.accessible();
        manager.closePreferences();
      });
    }
  }

  it('the dark theme really is dark, in the banner and in the placeholders', async () => {
    const { root, manager } = await page(article('dark'));
    const gate = root.querySelector('consent-gate')!;
    await gate.updateComplete;
    const luminance = (element: Element) => {
      const [r, g, b] = getComputedStyle(element).backgroundColor.match(/\d+/g)!.map(Number);
      return (r! + g! + b!) / 3;
    };
    expect(luminance(shadow(manager, '.banner')!)).to.be.below(60);
    expect(luminance(shadow(gate, '.placeholder')!)).to.be.below(60);
  });

  it('the banner comes first in the tab order and its buttons work from the keyboard', async () => {
    const { manager } = await page(article('auto'));
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(shadow(manager, '.banner')!.contains(focused()), 'the first Tab lands in the banner').to.equal(true);
    expect(focused()!.textContent!.trim()).to.equal('Accept all', 'the first Tab reaches a button');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Reject all');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Manage Preferences');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Privacy and cookie policy');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(shadow<HTMLDialogElement>(manager, 'dialog')!.open).to.equal(true);
    expect(focused()!.id).to.equal('dialog-title', 'focus goes to the heading, not to Accept all');
  });

  it('the dialog keeps focus inside, switches toggle with Space, Escape records nothing and returns focus', async () => {
    const { manager } = await page(article('auto'));
    const manage = button(manager, 'Manage Preferences');
    manage.focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    const dialog = shadow<HTMLDialogElement>(manager, 'dialog')!;
    // Round and round, both ways: focus never leaves the dialog, not even once per round.
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: i < 25 ? 'Tab' : 'Shift+Tab' });
      expect(dialog.contains(focused()), `${i < 25 ? 'Tab' : 'Shift+Tab'} ${i} stays in the dialog`).to.equal(true);
    }
    const youtube = shadow<HTMLButtonElement>(manager, '#vendor-youtube [role="switch"]')!;
    youtube.focus();
    await sendKeys({ press: 'Space' });
    expect(youtube.getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open).to.equal(false);
    expect(document.cookie).to.equal('');
    expect(focused()).to.equal(manage);
  });

  it('a saved change is announced, and the banner is announced without taking focus', async () => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Search');
    document.body.prepend(input);
    input.focus();
    const { manager } = await page(article('auto'));
    // The announcement is written a moment after the banner shows, for screen readers to pick up.
    const status = shadow(manager, '[role="status"]')!;
    await waitUntil(() => status.textContent === 'Your privacy on this site', 'the banner is announced');
    expect(document.activeElement).to.equal(input, 'focus stays where the reader was typing');
    input.remove();
    await manager.openPreferences();
    button(manager, 'Save choices').click();
    await manager.updateComplete;
    expect(status.textContent).to.equal('Your choices have been saved.');
  });

  it('switches are named after their vendor or purpose, and every target is at least 24 px', async () => {
    const { root, manager } = await page(article('auto'));
    await manager.openPreferences();
    for (const control of shadowAll(manager, '[role="switch"]')) {
      const label = control.getAttribute('aria-labelledby')!;
      expect(shadow(manager, `#${label}`)!.textContent!.trim()).to.match(/^(RTÉ Player|YouTube|X \(Twitter\)|Google Analytics|Analytics|Social media and embedded content)$/);
    }
    const gate = root.querySelector('consent-gate')!;
    for (const target of [...shadowAll(manager, 'button'), ...shadowAll(gate, 'button')]) {
      const box = target.getBoundingClientRect();
      if (box.width === 0) continue;
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    manager.closePreferences();
  });

  it('at 320 px the banner buttons are fully visible and the page does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const { manager } = await page(article('auto'));
    await manager.updateComplete;
    for (const control of shadowAll(manager, '.banner button')) {
      const box = control.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      expect(box.bottom).to.be.at.most(640);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const banner = shadow(manager, '.banner')!.getBoundingClientRect();
    expect(banner.height).to.be.at.most(640 / 2 + 1, 'the banner never covers the whole article');
    // Its text scrolls there: a keyboard can scroll it (axe: scrollable-region-focusable).
    await expect(shadow(manager, '.banner')).to.be.accessible();
  });

  it('keyboard focus is never hidden behind the banner (WCAG 2.4.11)', async () => {
    await setViewport({ width: 800, height: 500 });
    const { root, manager } = await page(article('auto'));
    await manager.updateComplete;
    const banner = shadow(manager, '.banner')!;
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'));
    links[0]!.focus();
    for (let i = 1; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      // A link, or a button of the placeholder on the way.
      const link = focused()!;
      await settle();
      expect(link.getBoundingClientRect().bottom, link.textContent!).to.be.at.most(banner.getBoundingClientRect().top + 1);
    }
  });

  it('a focused placeholder button is scrolled out from behind the banner itself, not its whole gate', async () => {
    await setViewport({ width: 320, height: 400 });
    const { root, manager } = await page(article('auto'));
    await manager.updateComplete;
    const gate = root.querySelector('consent-gate')!;
    const accept = button(gate, 'Accept RTÉ Player and load');
    root.querySelector<HTMLAnchorElement>('a[href="#one"]')!.focus();
    while (focused() !== accept) await sendKeys({ press: 'Tab' });
    await settle();
    const banner = shadow(manager, '.banner')!.getBoundingClientRect();
    const box = accept.getBoundingClientRect();
    expect(box.top, 'not scrolled off the top').to.be.at.least(0);
    expect(box.bottom, 'not behind the banner').to.be.at.most(banner.top + 1);
  });

  it('at 320 px the placeholder keeps its explanation and the vendor\'s policy link', async () => {
    await setViewport({ width: 320, height: 640 });
    const { root } = await page(article('auto'));
    const gate = root.querySelector('consent-gate')!;
    expect(getComputedStyle(shadow(gate, '.body')!).display).not.to.equal('none');
    expect(shadow(gate, '.body a')!.getClientRects().length).to.be.above(0);
  });

  it('at 400 % zoom (320 × 256) every banner button and every dialog switch can be reached and seen', async () => {
    await setViewport({ width: 320, height: 256 });
    const { manager } = await page(article('auto', 'ga'));
    await waitUntil(() => manager.language === 'ga', 'Irish texts', { timeout: 5000 });
    await manager.updateComplete;
    const inView = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= 256 + 1;
    };
    const bannerButtons = shadowAll(manager, '.banner button');
    expect(bannerButtons.length).to.equal(3);
    for (const control of bannerButtons) {
      control.focus();
      await settle();
      expect(inView(control), control.textContent!).to.equal(true);
    }
    await manager.openPreferences();
    const controls = shadowAll(manager, 'dialog button');
    for (const control of controls) {
      control.focus();
      await settle();
      expect(inView(control), control.getAttribute('aria-labelledby') ?? control.textContent!).to.equal(true);
    }
    manager.closePreferences();
  });

  it('the catalog\'s descriptions are in the reader\'s language; a publisher\'s description overrides them', async () => {
    const { manager } = await page(html`
      <consent-manager vendors="youtube x" lang="ga">
        <consent-vendor id="x" description="Postálacha ó X, roghnaithe ag an eagarthóir"></consent-vendor>
      </consent-manager>
    `);
    await waitUntil(() => manager.language === 'ga', 'Irish texts', { timeout: 5000 });
    await manager.openPreferences();
    const youtube = shadow(manager, '#vendor-description-youtube')!;
    expect(youtube.textContent).to.equal('Seinnteoir físe');
    expect(youtube.hasAttribute('lang')).to.equal(false);
    expect(shadow(manager, '#vendor-description-x')!.textContent).to.equal('Postálacha ó X, roghnaithe ag an eagarthóir');
    manager.closePreferences();
  });

  it('opened at a vendor, the dialog puts focus on that vendor\'s switch', async () => {
    const { manager } = await page(article('auto'));
    await manager.openPreferences('youtube');
    expect(focused()!.getAttribute('aria-labelledby')).to.equal('vendor-name-youtube');
    manager.closePreferences();
  });

  it('a second save in the same page view is announced too', async () => {
    const { manager } = await page(article('auto'));
    const status = shadow(manager, '[role="status"]')!;
    await manager.openPreferences();
    button(manager, 'Save choices').click();
    await manager.updateComplete;
    const first = status.textContent!;
    await manager.openPreferences();
    button(manager, 'Save choices').click();
    await manager.updateComplete;
    expect(status.textContent!.trim()).to.equal('Your choices have been saved.');
    expect(status.textContent).not.to.equal(first, 'the live region changed');
  });

  describe('focus after a choice stays where the reader was', () => {
    it('a post loaded from its placeholder: the post has focus, not the page', async () => {
      const { root } = await page(html`<div>
        <consent-manager vendors="x"></consent-manager>
        <consent-gate vendor="x"><template><blockquote><p>A post</p></blockquote></template></consent-gate>
      </div>`);
      const gate = root.querySelector('consent-gate')!;
      button(gate, 'Accept X (Twitter) and load').focus();
      button(gate, 'Accept X (Twitter) and load').click();
      await waitUntil(() => gate.loaded, 'loaded');
      await gate.updateComplete;
      await settle();
      const post = gate.querySelector('blockquote')!;
      // The loaded gate has no box of its own (display: contents): the post's first element takes focus.
      expect(document.activeElement === post, 'the post has focus').to.equal(true);
      post.blur();
      expect(post.hasAttribute('tabindex'), 'the post is not left focusable').to.equal(false);
    });

    it('the dialog opened from a placeholder, then Accept all: focus goes to the loaded embed', async () => {
      const { root, manager } = await page(article('auto'));
      const gate = root.querySelector('consent-gate')!;
      button(gate, 'Manage Preferences').focus();
      button(gate, 'Manage Preferences').click();
      await waitUntil(() => shadow<HTMLDialogElement>(manager, 'dialog')?.open, 'dialog open');
      shadowAll(manager, 'dialog button').find((control) => control.textContent!.trim() === 'Accept all')!.click();
      await waitUntil(() => gate.loaded, 'loaded');
      await settle();
      expect(document.activeElement).to.equal(gate.querySelector('iframe'));
    });

    it('a place the reader left long ago is not where focus goes back to (nor is the page scrolled there)', async () => {
      const { root, manager } = await page(article('auto'));
      const link = root.querySelector<HTMLAnchorElement>('a[href="#one"]')!;
      link.focus();
      link.blur(); // a click on text: focus goes nowhere
      window.scrollTo(0, 300);
      const y = window.scrollY;
      button(manager, 'Accept all').focus();
      await sendKeys({ press: 'Enter' });
      await manager.updateComplete;
      await settle();
      expect(document.activeElement).not.to.equal(link);
      expect(window.scrollY).to.equal(y);
    });

    it('Accept all in the banner: focus returns to the link the reader was on', async () => {
      const { root, manager } = await page(article('auto'));
      const link = root.querySelector<HTMLAnchorElement>('a[href="#one"]')!;
      link.focus();
      button(manager, 'Accept all').focus();
      await sendKeys({ press: 'Enter' });
      await manager.updateComplete;
      await settle();
      expect(shadow(manager, '.banner')).to.equal(null);
      expect(document.activeElement).to.equal(link);
    });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
  it(`axe finds no violation with forced colours, in the dark theme (${colorScheme} system colours)`, async () => {
    await emulateMedia({ forcedColors: 'active', colorScheme });
    try {
      const { root, manager } = await page(article('dark'));
      const gate = root.querySelector('consent-gate')!;
      await expect(shadow(manager, '.banner')).to.be.accessible();
      await expect(shadow(gate, '.placeholder')).to.be.accessible();
      await manager.openPreferences();
      await expect(shadow(manager, 'dialog')).to.be.accessible();
      manager.closePreferences();
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
  }
});
