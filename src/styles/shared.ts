import { css } from './css.js';

/**
 * Rules every element of the widget shares: colours, buttons, links, focus ring. Each
 * `--consent-*` property is read once, with its fallback, into a private `--_*` one.
 * theme="auto" follows the reader's system through color-scheme; light-dark() picks the colour.
 */
export const sharedStyles = css`
  :host {
    color-scheme: light dark;
    font-family: var(--consent-font-family, inherit);
    line-height: 1.45;
    --_a: var(--consent-accent, light-dark(#0b5cad, #8cc4ff));
    --_on: var(--consent-on-accent, light-dark(#fff, #111));
    --_fg: var(--consent-color, light-dark(#1a1a1a, #eee));
    --_bg: var(--consent-background, light-dark(#fff, #1c1f24));
    --_mu: var(--consent-muted-color, light-dark(#4a4a4a, #ccc));
    --_bd: var(--consent-border-color, light-dark(#767676, #999));
    --_r: var(--consent-radius, 6px);
    --_s: var(--consent-spacing, 1rem);
    color: var(--_fg);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  * {
    box-sizing: border-box;
    margin: 0;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_r);
    border: 2px solid var(--_a);
    background: var(--_a);
    color: var(--_on);
  }
  .secondary {
    background: var(--_bg);
    color: var(--_fg);
    border-color: var(--_bd);
  }
  a {
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--consent-focus-color, var(--_a));
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /* The reader's colours throughout, as computed values too (what checkers such as axe read). */
  @media (forced-colors: active) {
    :host {
      --_fg: CanvasText;
      --_bg: Canvas;
      --_mu: CanvasText;
      --_bd: CanvasText;
    }
    button,
    .secondary {
      color: ButtonText;
      background: ButtonFace;
      border-color: ButtonText;
    }
  }
`;
