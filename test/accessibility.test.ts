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
    expect(focused()!.textContent!.trim()).to.equal('Privacy and cookie policy');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Accept all');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Reject all');
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent!.trim()).to.equal('Manage Preferences');
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
    for (let i = 0; i < 25; i++) {
      await sendKeys({ press: 'Tab' });
      const active = focused();
      if (active && active !== document.body) expect(dialog.contains(active), `Tab ${i} stays in the dialog`).to.equal(true);
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
    await new Promise((resolve) => setTimeout(resolve, 400));
    const status = shadow(manager, '[role="status"]')!;
    expect(status.textContent).to.equal('Your privacy on this site');
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
      const link = document.activeElement!;
      await settle();
      expect(link.getBoundingClientRect().bottom, link.textContent!).to.be.at.most(banner.getBoundingClientRect().top + 1);
    }
  });
});
