import { css } from './css.js';

/** Rules every element of the widget shares: colours, buttons, links, focus ring. */
export const sharedStyles = css`
  :host {
    color-scheme: light dark;
    font-family: var(--consent-font-family, inherit);
    --_accent: var(--consent-accent, light-dark(#0b5cad, #8cc4ff));
    --_on-accent: var(--consent-on-accent, light-dark(#fff, #111));
    --_fg: var(--consent-color, light-dark(#1a1a1a, #eee));
    --_bg: var(--consent-background, light-dark(#fff, #1c1f24));
    --_muted: var(--consent-muted-color, light-dark(#4a4a4a, #ccc));
    --_border: var(--consent-border-color, light-dark(#767676, #999));
    --_radius: var(--consent-radius, 6px);
    --_space: var(--consent-spacing, 1rem);
    color: var(--_fg);
  }
  /* theme="auto" follows the reader's system through color-scheme; light-dark() picks the colour. */
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: var(--_bg);
    color: var(--_fg);
    border-color: var(--_border);
  }
  a {
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--consent-focus-color, var(--_accent));
    outline-offset: 2px;
  }
  p,
  h2,
  h3 {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
