import { expect, html, waitUntil } from '@open-wc/testing';
import { captureErrors, clearCookies, page } from './helpers.js';

declare global {
  interface Window {
    ranOrder?: string[];
  }
}

describe('blocked scripts and iframes', () => {
  afterEach(() => {
    clearCookies();
    delete window.ranOrder;
  });

  it('runs text/plain scripts of a granted vendor, in document order, and only then', async () => {
    window.ranOrder = [];
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="google-analytics youtube"></consent-manager>
      <script type="text/plain" data-consent="google-analytics">window.ranOrder.push('first')</script>
      <script type="text/plain" data-consent="youtube">window.ranOrder.push('youtube')</script>
      <script type="text/plain" data-consent="google-analytics">window.ranOrder.push('second')</script>
    </div>`);
    expect(window.ranOrder).to.deep.equal([]);
    manager.setConsent({ 'google-analytics': true });
    expect(window.ranOrder).to.deep.equal(['first', 'second']);
    expect(root.querySelectorAll('script[type="text/plain"]').length).to.equal(1);
    manager.setConsent({ 'google-analytics': true });
    expect(window.ranOrder).to.deep.equal(['first', 'second']);
  });

  it('runs an inline script only after the external script before it has loaded', async () => {
    window.ranOrder = [];
    const { manager } = await page(html`<div>
      <consent-manager vendors="google-analytics"></consent-manager>
      <script type="text/plain" data-consent="google-analytics" src="/test/fixtures/order-lib.js"></script>
      <script type="text/plain" data-consent="google-analytics">window.ranOrder.push('inline')</script>
    </div>`);
    manager.acceptAll();
    await new Promise<void>((resolve) => {
      const check = () => (window.ranOrder!.length === 2 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(window.ranOrder).to.deep.equal(['lib', 'inline']);
  });

  it('does not reload a loaded iframe when the page changes', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube"></consent-manager>
      <iframe data-consent="youtube" data-src="/demo/public/privacy.html" title="video"></iframe>
    </div>`);
    manager.acceptAll();
    const iframe = root.querySelector('iframe')!;
    let loads = 0;
    iframe.addEventListener('load', () => loads++);
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    root.append(document.createElement('p'), document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(loads).to.equal(1);
  });

  it('gives a data-type script its real type', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="google-analytics"></consent-manager>
      <script type="text/plain" data-type="module" data-consent="google-analytics">window.ranOrder = ['module'];</script>
    </div>`);
    manager.acceptAll();
    const script = root.querySelector('script[data-consent]') as HTMLScriptElement;
    expect(script.type).to.equal('module');
    await waitUntil(() => window.ranOrder !== undefined, 'the module script ran');
    expect(window.ranOrder).to.deep.equal(['module']);
  });

  it('gives an iframe its data-src on consent and unloads it on withdrawal', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube"></consent-manager>
      <iframe data-consent="youtube" data-src="/demo/public/privacy.html" title="video"></iframe>
    </div>`);
    expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    manager.acceptAll();
    expect(root.querySelector('iframe')!.getAttribute('src')).to.equal(new URL('/demo/public/privacy.html', location.href).href);
    manager.rejectAll();
    expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
  });

  it('handles elements added after load', async () => {
    window.ranOrder = [];
    const { root, manager } = await page(html`<div><consent-manager vendors="youtube google-analytics"></consent-manager></div>`);
    manager.acceptAll();
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'google-analytics';
    script.text = "window.ranOrder.push('late')";
    const iframe = document.createElement('iframe');
    iframe.dataset.consent = 'youtube';
    iframe.dataset.src = '/demo/public/privacy.html';
    root.append(script, iframe);
    await new Promise((resolve) => setTimeout(resolve));
    expect(window.ranOrder).to.deep.equal(['late']);
    expect(iframe.getAttribute('src')).to.contain('/demo/public/privacy.html');
  });

  it('refuses a non-http data-src', async () => {
    const errors = captureErrors();
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube"></consent-manager>
      <iframe data-consent="youtube" data-src="javascript:alert(1)" title="x"></iframe>
    </div>`);
    manager.acceptAll();
    errors.restore();
    expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    expect(errors.messages.join()).to.contain('javascript:alert(1)');
  });
});
