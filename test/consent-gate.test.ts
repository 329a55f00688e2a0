import { expect, html, waitUntil } from '@open-wc/testing';
import type { ConsentGate } from '../src/components/consent-gate/consent-gate.js';
import { button, captureErrors, clearCookies, page, shadow, shadowAll } from './helpers.js';

declare global {
  interface Window {
    gateScriptRuns?: number;
  }
}

const article = (extra = html``) => html`
  <div>
    <consent-manager vendors="rte-player youtube x" policy-url="/privacy">${extra}</consent-manager>
    <consent-gate vendor="rte-player" id="rte">
      <template>
        <iframe src="https://www.rte.ie/bosco/components/player/iframe.html?clipid=123" width="640" height="360" title="RTÉ Player"></iframe>
      </template>
    </consent-gate>
    <consent-gate vendor="youtube" id="yt">
      <template><iframe src="https://www.youtube-nocookie.com/embed/ID" width="560" height="315" title="YouTube"></iframe></template>
    </consent-gate>
    <consent-gate vendor="x" id="x">
      <template>
        <blockquote class="twitter-tweet"><p>Post</p></blockquote>
        <script>window.gateScriptRuns = (window.gateScriptRuns || 0) + 1;</script>
      </template>
    </consent-gate>
  </div>
`;

const gate = (root: HTMLElement, id: string) => root.querySelector<ConsentGate>(`#${id}`)!;

/** The box the browser gives an embed code's frame without the widget: a twin without its source, in a block of its own. */
function twinBox(root: HTMLElement, frame: string): { width: number; height: number } {
  const twin = document.createElement('div');
  const iframe = document.createElement('iframe');
  twin.append(iframe);
  for (const [name, value] of Object.entries(JSON.parse(frame) as Record<string, string>)) iframe.setAttribute(name, value);
  root.append(twin);
  const box = { width: iframe.getBoundingClientRect().width, height: twin.getBoundingClientRect().height };
  twin.remove();
  return box;
}

describe('<consent-gate>', () => {
  afterEach(() => {
    clearCookies();
    delete window.gateScriptRuns;
  });

  describe('placeholder', () => {
    it('says what the broadcaster says, with the vendor policy and three buttons', async () => {
      const { root } = await page(article());
      const rte = gate(root, 'rte');
      await rte.updateComplete;
      const text = shadow(rte, '.placeholder')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('We need your consent to load this RTÉ Player content.');
      expect(text).to.contain('can set cookies on your device and collect data about your activity');
      expect(text).to.contain('Please review their details and accept them to load the content.');
      expect(shadow<HTMLAnchorElement>(rte, '.placeholder a')!.href).to.equal('https://about.rte.ie/privacy/');
      const labels = shadowAll(rte, 'button').map((b) => b.textContent!.trim());
      expect(labels).to.deep.equal(['Accept RTÉ Player and load', 'Load once', 'Manage Preferences']);
      expect(rte.querySelector('iframe')).to.equal(null);
      await expect(shadow(rte, '.placeholder')).to.be.accessible();
    });

    it('reserves the embed\'s box from the iframe\'s width and height', async () => {
      const { root } = await page(html`<div class="wide">${article()}</div>`);
      const rte = gate(root, 'rte');
      await rte.updateComplete;
      const box = shadow(rte, '.base')!.getBoundingClientRect();
      // 640 × 360 and the frame's default border, in the page's line.
      const twin = twinBox(root, '{"width": "640", "height": "360"}');
      expect(Math.round(box.width)).to.equal(Math.min(Math.round(twin.width), root.getBoundingClientRect().width));
      expect(Math.round(box.height)).to.equal(Math.round(twin.height));
    });

    it('uses the aspect-ratio attribute when the content has no size', async () => {
      const { root } = await page(html`<div>
        <consent-manager vendors="x"></consent-manager>
        <consent-gate vendor="x" aspect-ratio="4:3" id="g"><template><p>post</p></template></consent-gate>
      </div>`);
      const g = gate(root, 'g');
      await g.updateComplete;
      const box = shadow(g, '.base')!.getBoundingClientRect();
      expect(Math.round(box.height)).to.equal(Math.round((box.width * 3) / 4));
    });

    it('reserves the height of an embed as wide as the column (an audio player): nothing moves when it loads', async () => {
      const { root, manager } = await page(html`<div>
        <consent-manager vendors="spotify"></consent-manager>
        <consent-gate vendor="spotify" id="g"><template><iframe style="border-radius:12px" src="https://open.spotify.com/embed/track/4cOdK2wGLETKBW3PvgPWqT?utm_source=generator" width="100%" height="352" frameBorder="0" allowfullscreen="" loading="lazy"></iframe></template></consent-gate>
        <p id="after">After the player</p>
      </div>`);
      const g = gate(root, 'g');
      const after = root.querySelector('#after')!;
      const before = [shadow(g, '.base')!.getBoundingClientRect().height, after.getBoundingClientRect().top];
      expect(before[0]).to.equal(twinBox(root, '{"width": "100%", "height": "352", "frameBorder": "0"}').height);
      manager.acceptAll();
      await g.updateComplete;
      expect(g.querySelector('iframe')!.getBoundingClientRect().height).to.equal(352);
      expect(after.getBoundingClientRect().top).to.equal(before[1]);
    });

    it('loaded content inherits nothing of ours: the page\'s direction, language, font, colour and line height, however the widget speaks', async () => {
      const { root, manager } = await page(html`<div dir="ltr" lang="en" style="font: 17px/2 serif; color: rgb(10, 20, 30)">
        <consent-manager vendors="youtube" lang="ar" theme="dark"></consent-manager>
        <consent-gate vendor="youtube" id="g"><template><p id="inside">Attribution line</p></template></consent-gate>
        <p id="twin">Attribution line</p>
      </div>`);
      const g = gate(root, 'g');
      await waitUntil(() => manager.ready, 'the manager in Arabic', { timeout: 5000 });
      manager.acceptAll();
      await waitUntil(() => g.loaded, 'loaded');
      await g.updateComplete;
      const [inside, twin] = ['#inside', '#twin'].map((selector) => getComputedStyle(root.querySelector(selector)!));
      for (const property of ['direction', 'font-family', 'font-size', 'line-height', 'color', 'color-scheme', 'unicode-bidi']) {
        expect(inside!.getPropertyValue(property), property).to.equal(twin!.getPropertyValue(property));
      }
      expect(root.querySelector('#inside')!.matches(':lang(en)')).to.equal(true);
      expect(getComputedStyle(g).display).to.equal('contents');
    });

    it('a post without a size keeps one placeholder height, before its texts arrive and after', async () => {
      const { fixture } = await import('@open-wc/testing');
      // No manager yet: the placeholder has no text to show.
      const root = await fixture<HTMLElement>(html`<div>
        <consent-gate vendor="x" id="g"><template><blockquote class="twitter-tweet"><p>Post</p></blockquote></template></consent-gate>
      </div>`);
      const g = gate(root, 'g');
      await g.updateComplete;
      expect(shadow(g, '.placeholder')!.textContent!.trim()).to.equal('');
      const before = g.getBoundingClientRect().height;
      const manager = document.createElement('consent-manager');
      manager.setAttribute('vendors', 'x');
      manager.setAttribute('lang', 'ga');
      root.prepend(manager);
      await waitUntil(() => manager.ready && shadow(g, '.placeholder')!.textContent!.includes('X (Twitter)'), 'the Irish placeholder', { timeout: 5000 });
      expect(g.getBoundingClientRect().height).to.equal(before);
    });

    it('shows a publisher poster, never one from the vendor', async () => {
      const errors = captureErrors();
      const { root } = await page(html`<div>
        <consent-manager vendors="youtube"></consent-manager>
        <consent-gate vendor="youtube" poster="/demo/public/images/aleppo-still.svg" id="own"><template><p>x</p></template></consent-gate>
        <consent-gate vendor="youtube" poster="https://i.ytimg.com/vi/ID/hqdefault.jpg" id="theirs"><template><p>x</p></template></consent-gate>
        <consent-gate vendor="youtube" poster="https://images.example.org/still.jpg" id="other"><template><p>x</p></template></consent-gate>
      </div>`);
      errors.restore();
      await gate(root, 'theirs').updateComplete;
      expect(shadow<HTMLImageElement>(gate(root, 'own'), 'img.poster')!.src).to.equal(new URL("/demo/public/images/aleppo-still.svg", location.href).href);
      expect(shadow(gate(root, 'theirs'), 'img')).to.equal(null);
      expect(shadow(gate(root, 'other'), 'img')).to.equal(null);
      expect(errors.messages.join()).to.contain('https://i.ytimg.com/vi/ID/hqdefault.jpg');
    });
  });

  describe('consent', () => {
    it('the gate\'s own button grants only its vendor, loads its content and stores the choice', async () => {
      const { root, manager } = await page(article());
      button(gate(root, 'rte'), 'Accept RTÉ Player and load').click();
      await gate(root, 'rte').updateComplete;
      expect(gate(root, 'rte').loaded).to.equal(true);
      expect(gate(root, 'rte').querySelector('iframe')!.src).to.contain('clipid=123');
      expect(gate(root, 'yt').loaded).to.equal(false);
      expect(gate(root, 'yt').querySelector('iframe')).to.equal(null);
      expect(manager.consent.vendors).to.deep.equal({ 'rte-player': true, youtube: false, x: false });
      // Only the answered vendor is stored; the banner goes on asking about the others.
      expect(document.cookie).to.match(/consent=2\.1\.[0-9a-z]+\.[0-9a-z]+\.rte-player\.\./);
      await manager.updateComplete;
      expect(shadow(manager, '.banner')!.textContent).to.contain('YouTube, X (Twitter)');
      expect(shadow(manager, '.banner')!.textContent).not.to.contain('RTÉ');
    });

    it('moves focus into the content the reader asked for', async () => {
      const { root } = await page(article());
      button(gate(root, 'rte'), 'Accept RTÉ Player and load').click();
      await gate(root, 'rte').updateComplete;
      await gate(root, 'rte').updateComplete;
      expect(document.activeElement).to.equal(gate(root, 'rte').querySelector('iframe'));
    });

    it('"Load once" loads this embed only and stores nothing', async () => {
      const { root, manager } = await page(html`<div>${article()}
        <consent-gate vendor="rte-player" id="rte2"><template><iframe src="https://www.rte.ie/x" width="4" height="3"></iframe></template></consent-gate>
      </div>`);
      button(gate(root, 'rte'), 'Load once').click();
      await gate(root, 'rte').updateComplete;
      expect(gate(root, 'rte').querySelector('iframe')).not.to.equal(null);
      expect(gate(root, 'rte2').querySelector('iframe')).to.equal(null);
      expect(manager.hasConsent('rte-player')).to.equal(false);
      expect(document.cookie).to.equal('');
    });

    it('an embed loaded once stays through other changes, and goes when its vendor is withdrawn', async () => {
      const { root, manager } = await page(article());
      const rte = gate(root, 'rte');
      button(rte, 'Load once').click();
      await rte.updateComplete;
      manager.setConsent({ youtube: true });
      await rte.updateComplete;
      expect(rte.loaded).to.equal(true);
      expect(rte.querySelector('iframe')).not.to.equal(null);
      // Granted, then withdrawn: the page view's "once" goes with it.
      manager.setConsent({ 'rte-player': true });
      manager.setConsent({ 'rte-player': false });
      await rte.updateComplete;
      expect(rte.loaded).to.equal(false);
      expect(rte.querySelector('iframe')).to.equal(null);
      expect(shadow(rte, '.placeholder')).not.to.equal(null);
    });

    it('a gate whose vendor changes before its first render follows the new vendor', async () => {
      const { root, manager } = await page(article());
      manager.setConsent({ youtube: true });
      const late = document.createElement('consent-gate') as ConsentGate;
      late.setAttribute('vendor', 'rte-player');
      late.innerHTML = '<template><iframe src="https://www.youtube-nocookie.com/embed/late" width="4" height="3"></iframe></template>';
      root.append(late);
      // After its slotchange (which follows the vendor of the moment), before its first render.
      await new Promise((resolve) => late.shadowRoot!.addEventListener('slotchange', resolve, { once: true }));
      expect(late.hasUpdated).to.equal(false);
      late.vendor = 'youtube';
      await late.updateComplete;
      expect(late.loaded).to.equal(true);
      expect(late.querySelector('iframe')).not.to.equal(null);
    });

    it('runs the scripts of the embed code once, on consent', async () => {
      const { root, manager } = await page(article());
      expect(window.gateScriptRuns).to.equal(undefined);
      manager.setConsent({ x: true });
      // Out of view: it loads in the next slice.
      await waitUntil(() => window.gateScriptRuns === 1);
      manager.setConsent({ x: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window.gateScriptRuns).to.equal(1);
      expect(gate(root, 'x').querySelector('blockquote.twitter-tweet')).not.to.equal(null);
    });

    it('withdrawal removes the content and brings the placeholder back', async () => {
      const { root, manager } = await page(article());
      manager.acceptAll();
      await gate(root, 'yt').updateComplete;
      expect(gate(root, 'yt').querySelector('iframe')).not.to.equal(null);
      manager.setConsent({ youtube: false });
      await gate(root, 'yt').updateComplete;
      expect(gate(root, 'yt').querySelector('iframe')).to.equal(null);
      expect(shadow(gate(root, 'yt'), '.placeholder')).not.to.equal(null);
      expect(gate(root, 'rte').querySelector('iframe')).not.to.equal(null);
    });

    it('"Manage Preferences" opens the dialog at that vendor', async () => {
      const { root, manager } = await page(article());
      button(gate(root, 'yt'), 'Manage Preferences').click();
      await manager.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
      const dialog = shadow<HTMLDialogElement>(manager, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(shadow(manager, '#vendor-youtube')).not.to.equal(null);
      manager.closePreferences();
    });
  });

  describe('attributes', () => {
    it('a gate switched to another vendor is blocked again', async () => {
      const { root, manager } = await page(article());
      manager.setConsent({ youtube: true });
      const yt = gate(root, 'yt');
      expect(yt.querySelector('iframe')).not.to.equal(null);
      yt.vendor = 'x';
      await yt.updateComplete;
      expect(yt.querySelector('iframe')).to.equal(null);
      expect(yt.loaded).to.equal(false);
    });

    it('a theme set on a rendered gate re-renders it in that theme, over the manager\'s', async () => {
      const { root } = await page(article());
      const yt = gate(root, 'yt');
      const base = shadow(yt, '.base')!;
      expect(base.style.colorScheme).to.equal('');
      yt.setAttribute('theme', 'dark');
      await yt.updateComplete;
      expect(base.style.colorScheme).to.equal('dark');
      const [r, g, b] = getComputedStyle(shadow(yt, '.placeholder')!).backgroundColor.match(/\d+/g)!.map(Number);
      expect((r! + g! + b!) / 3, 'a dark placeholder').to.be.below(60);
      yt.theme = 'light';
      await yt.updateComplete;
      expect(base.style.colorScheme).to.equal('light');
      yt.removeAttribute('theme');
      await yt.updateComplete;
      expect(base.style.colorScheme).to.equal('');
    });
  });

  describe('built, copied and moved by scripts', () => {
    it('a copy upgraded with its children and no parent has its live content taken out at once', async () => {
      const errors = captureErrors();
      const source = document.createElement('template');
      source.innerHTML = '<consent-gate vendor="youtube"><iframe src="about:blank#live" title="live"></iframe><template><p>embed</p></template></consent-gate>';
      const copy = document.importNode(source.content.firstElementChild!, true) as ConsentGate;
      // Upgraded by importNode itself, before anything puts it in a page.
      // (Counts, not elements: a failing comparison of elements would print a whole frame.)
      expect(copy.querySelectorAll(':scope > iframe').length, 'live frames').to.equal(0);
      expect(copy.querySelector('template')!.content.querySelectorAll('iframe').length, 'frames in the template').to.equal(1);
      errors.restore();
      expect(errors.messages.join('\n')).to.contain('must be inside <template>');
    });

    it('switched to another vendor in the same task as a change that brings every gate in line, it is blocked again', async () => {
      const { root, manager } = await page(article());
      manager.setConsent({ youtube: true, x: true });
      const yt = gate(root, 'yt');
      await yt.updateComplete;
      expect(yt.loaded).to.equal(true);
      // The manager brings every gate in line before the attribute's record reaches this one.
      yt.vendor = 'x';
      yt.querySelector('template')!.innerHTML = '<blockquote class="twitter-tweet">A post</blockquote>';
      manager.theme = 'dark';
      manager.setConsent({ youtube: false });
      await waitUntil(() => yt.querySelector(':scope > blockquote'), 'the new vendor\'s content');
      expect(yt.querySelectorAll(':scope > iframe').length, 'the first vendor\'s content').to.equal(0);
    });

    it('out of the page when the reader grants, it loads once back, its scripts run', async () => {
      const { root, manager } = await page(article());
      const x = gate(root, 'x');
      await x.updateComplete;
      const parent = x.parentElement!;
      x.remove();
      manager.setConsent({ x: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(x.loaded, 'nothing loads out of the page').to.equal(false);
      parent.append(x);
      await waitUntil(() => window.gateScriptRuns === 1, 'its script runs once it is back');
      expect(x.loaded).to.equal(true);
      // Withdrawn while out: back blocked.
      x.remove();
      manager.setConsent({ x: false });
      parent.append(x);
      await x.updateComplete;
      expect(x.loaded).to.equal(false);
      expect(x.querySelectorAll('blockquote').length).to.equal(0);
    });

    it('a gate a script builds over several tasks before it puts it in the page reports nothing', async () => {
      const { root, manager } = await page(article());
      manager.setConsent({ youtube: true });
      const errors = captureErrors();
      const late = document.createElement('consent-gate') as ConsentGate;
      await new Promise((resolve) => setTimeout(resolve, 50));
      late.vendor = 'youtube';
      late.innerHTML = '<template><iframe src="https://www.youtube-nocookie.com/embed/late" width="4" height="3"></iframe></template>';
      await new Promise((resolve) => setTimeout(resolve, 50));
      root.append(late);
      await waitUntil(() => late.loaded, 'it loads once in the page');
      errors.restore();
      expect(errors.messages).to.deep.equal([]);
    });
  });

  describe('bad input', () => {
    it('an unknown vendor never loads and says the content is unavailable', async () => {
      const errors = captureErrors();
      const { root, manager } = await page(html`<div>
        <consent-manager vendors="youtube"></consent-manager>
        <consent-gate vendor="nosuchvendor" id="g"><template><iframe src="https://example.com/"></iframe></template></consent-gate>
      </div>`);
      manager.acceptAll();
      errors.restore();
      const g = gate(root, 'g');
      await g.updateComplete;
      expect(g.querySelector('iframe')).to.equal(null);
      expect(shadow(g, '.placeholder')!.textContent).to.contain('This content is unavailable.');
      expect(errors.messages.join()).to.contain('nosuchvendor');
    });

    it('content written outside <template> is taken out of the page until consent, and the console says why', async () => {
      const errors = captureErrors();
      const { root, manager } = await page(html`<div>
        <consent-manager vendors="youtube"></consent-manager>
        <consent-gate vendor="youtube" id="g"><iframe src="https://www.youtube-nocookie.com/embed/ID" width="560" height="315" title="YouTube"></iframe></consent-gate>
      </div>`);
      errors.restore();
      const g = gate(root, 'g');
      expect(g.querySelector(':scope > iframe')).to.equal(null);
      expect(g.querySelector('template')!.content.querySelector('iframe')).not.to.equal(null);
      expect(errors.messages.join()).to.contain('<consent-gate vendor="youtube">: its content must be inside <template>');
      expect(shadow(g, '.base')!.getBoundingClientRect().height).to.equal(twinBox(root, '{"width": "560", "height": "315"}').height);
      manager.acceptAll();
      await g.updateComplete;
      expect(g.querySelectorAll(':scope > iframe').length).to.equal(1);
    });

    it('a saved copy of a loaded gate (`loaded` in the markup, the content after the template) loads nothing before consent, and its content once after', async () => {
      const { root, manager } = await page(html`<div>
        <consent-manager vendors="x"></consent-manager>
        <consent-gate vendor="x" id="g" loaded><template><blockquote><p>Post</p></blockquote></template><blockquote><p>Post</p></blockquote><iframe src="https://platform.twitter.com/embed/Tweet.html?id=1"></iframe></consent-gate>
      </div>`);
      const g = gate(root, 'g');
      expect(g.loaded).to.equal(false);
      expect(g.hasAttribute('loaded')).to.equal(false);
      expect(g.querySelectorAll(':scope > :not(template)').length).to.equal(0);
      expect(shadow(g, '.placeholder')).not.to.equal(null);
      manager.acceptAll();
      await g.updateComplete;
      expect(g.loaded).to.equal(true);
      expect(g.querySelectorAll('blockquote').length, 'one copy, from the template').to.equal(1);
      expect(g.querySelector('iframe')).to.equal(null);
    });

    it('a catalog vendor the manager does not enable, a ratio that is not one and a poster that is not http(s) are named', async () => {
      const errors = captureErrors();
      const { root } = await page(html`<div>
        <consent-manager vendors="youtube"></consent-manager>
        <consent-gate vendor="vimeo"><template><p>x</p></template></consent-gate>
        <consent-gate vendor="youtube" aspect-ratio="16/0" id="flat"><template><p>x</p></template></consent-gate>
        <consent-gate vendor="youtube" poster="javascript:alert(1)"><template><p>x</p></template></consent-gate>
      </div>`);
      errors.restore();
      const text = errors.messages.join('\n');
      expect(text).to.contain('vendor "vimeo" is not in the manager\'s vendors');
      expect(text).to.contain('aspect-ratio "16/0" is not a ratio');
      expect(text).to.contain('poster "javascript:alert(1)" is not an http(s) URL');
      expect(shadow(gate(root, 'flat'), '.base')!.getBoundingClientRect().height).to.be.above(0);
    });

    it('shows a vendor name with markup as text', async () => {
      const { root } = await page(html`<div>
        <consent-manager>
          <consent-vendor id="evil" name="<img src=x onerror=alert(1)>Evil" purpose="embeds"></consent-vendor>
        </consent-manager>
        <consent-gate vendor="evil" id="g"><template><p>x</p></template></consent-gate>
      </div>`);
      const g = gate(root, 'g');
      await g.updateComplete;
      expect(shadow(g, '.placeholder')!.textContent).to.contain('<img src=x onerror=alert(1)>Evil');
      expect(shadow(g, '.placeholder img')).to.equal(null);
    });

    it('does not link a javascript: policy URL', async () => {
      const errors = captureErrors();
      const { root } = await page(html`<div>
        <consent-manager>
          <consent-vendor id="evil" name="Evil" purpose="embeds" policy-url="javascript:alert(1)"></consent-vendor>
        </consent-manager>
        <consent-gate vendor="evil" id="g"><template><p>x</p></template></consent-gate>
      </div>`);
      errors.restore();
      const g = gate(root, 'g');
      await g.updateComplete;
      expect(shadow(g, '.placeholder a')).to.equal(null);
      expect(errors.messages.join()).to.contain('javascript:alert(1)');
    });
  });
});
