import type { ConsentElement, ReactiveController } from '../consent-element.js';

/**
 * Focus return: remembers where the reader was in the page, so that when a choice removes the
 * control that had focus (the banner, or the placeholder that opened the dialog), focus goes back
 * there, not to the start of the page.
 */
export class FocusReturn implements ReactiveController {
  /** The element of the page that last had focus, and the element around it in the page (a gate). */
  private pageFocus?: [element: HTMLElement, host: HTMLElement];

  constructor(private readonly managerHost: ConsentElement) {
    managerHost.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn);
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    if (!this.managerHost.contains(event.target as Element)) this.pageFocus = [event.composedPath()[0] as HTMLElement, event.target as HTMLElement];
    // Into the banner or dialog from nowhere (after a click on text): no place to go back to.
    else if (!event.relatedTarget) this.pageFocus = undefined;
  };

  /** @internal After a choice (`inside`: focus was in the banner or dialog), once the render is done. */
  async keepFocus(inside = !!this.managerHost.renderRoot.activeElement): Promise<void> {
    await this.managerHost.updateComplete;
    const [element, host] = this.pageFocus ?? [];
    if (!inside || !host?.isConnected || (document.activeElement ?? document.body) !== document.body) return;
    // Back where the reader was, without scrolling there; a placeholder's button replaced by its
    // content: the gate's content instead.
    if (element?.isConnected) element.focus({ preventScroll: true });
    else (host as HTMLElement & { focusContent?(): void }).focusContent?.();
  }
}
