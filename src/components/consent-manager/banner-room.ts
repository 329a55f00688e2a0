import { whenParsed } from '../../dom/when-parsed.js';
import type { ReactiveController } from '../consent-element.js';
import type { ConsentManager } from './consent-manager.js';

/**
 * The banner's room in the page, while it (or the notice) shows.
 *
 * Room at the end of the page as tall as it, so that the end of the article, often its "Cookie
 * settings" link, can be scrolled above it; and as much scroll padding, so that the browser
 * scrolls what the keyboard focuses out from behind it (WCAG 2.4.11, technique C43), inside
 * placeholders too.
 *
 * And its place first: wherever the page wrote it (often at the end of <body>), the manager moves
 * to the start of <body>, so that the first Tab reaches the banner's buttons and screen readers
 * meet it first, without focus being taken from anyone. A comment keeps its place in the page: it
 * goes back there once the banner is gone, and goes with it when page code removes that part of
 * the page (a single-page app changing views).
 */
export class BannerRoom implements ReactiveController {
  /** @internal True while the manager moves itself: a move is not a removal. */
  moving?: boolean;
  private readonly pageRoom = document.createElement('consent-spacer');
  private readonly onBannerResize = new ResizeObserver(([entry]) => {
    const height = entry.target.getBoundingClientRect().height;
    this.pageRoom.style.height = `${height}px`;
    document.documentElement.style.scrollPaddingBottom = `${height + 8}px`;
  });
  /** The page's own inline scroll-padding-bottom, put back when the banner goes. */
  private pagePadding?: string;
  private bannerShown?: Element | null;
  /** Where the page wrote the manager, while it sits at the start of <body>. */
  private home?: Comment;
  private readonly homeWatch = new MutationObserver(() => this.leaveIfHomeless());

  constructor(private readonly managerHost: ConsentManager) {
    managerHost.addController(this);
  }

  hostUpdated(): void {
    // Nothing is rendered before the manager is ready, nor after it stopped.
    const banner = this.managerHost.renderRoot.querySelector('.banner');
    if (banner === this.bannerShown) return;
    if (!banner) return this.hide();
    this.bannerShown = banner;
    this.moveToStart();
    this.onBannerResize.disconnect();
    this.pagePadding ??= document.documentElement.style.scrollPaddingBottom;
    this.pageRoom.style.display = 'block';
    this.onBannerResize.observe(banner);
    // At the end of the page: while it is still being parsed, once it is whole.
    whenParsed(() => this.bannerShown && document.body.append(this.pageRoom));
  }

  /** @internal The banner is gone (or the manager stopped): the page as it was. */
  hide(): void {
    this.bannerShown = null;
    // Back where the page wrote it, or gone with that part of the page.
    const home = this.home;
    this.home = undefined;
    this.homeWatch.disconnect();
    const manager = this.managerHost;
    if (manager.isConnected && home?.isConnected) this.moveManager(() => home.replaceWith(manager));
    else home?.remove();
    this.onBannerResize.disconnect();
    this.pageRoom.remove();
    if (this.pagePadding === undefined) return;
    document.documentElement.style.scrollPaddingBottom = this.pagePadding;
    this.pagePadding = undefined;
  }

  private moveToStart(): void {
    const manager = this.managerHost;
    const body = document.body;
    if (this.home || body.firstElementChild === manager || manager.parentNode?.getRootNode() !== document) return;
    const home = (this.home = new Comment('consent-manager'));
    this.moveManager(() => {
      manager.before(home);
      body.prepend(manager);
    });
    this.homeWatch.observe(body, { childList: true, subtree: true });
  }

  /** @internal Page code removed the part of the page where the manager was written: the manager goes too. */
  leaveIfHomeless(): void {
    if (this.home && !this.home.isConnected) this.managerHost.remove();
  }

  /** Moves the manager (which cannot throw: the places are checked, and custom elements' reactions report their own errors). */
  private moveManager(place: () => void): void {
    this.moving = true;
    place();
    this.moving = false;
  }
}
