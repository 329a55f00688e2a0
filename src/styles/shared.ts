import { css } from 'lit';

/** Rules every element of the widget shares: hidden, buttons, links, focus ring. */
export const sharedStyles = css`
  :host {
    color-scheme: light dark;
    font-family: var(--consent-font-family, inherit);
    --_accent: var(--consent-accent, light-dark(#0b5cad, #8cc4ff));
    --_on-accent: var(--consent-on-accent, light-dark(#fff, #0d1117));
    --_fg: var(--consent-color, light-dark(#1a1a1a, #f0f0f0));
    --_bg: var(--consent-background, light-dark(#fff, #1c1f24));
    --_muted: var(--consent-muted-color, light-dark(#4a4a4a, #c8c8c8));
    --_border: var(--consent-border-color, light-dark(#767676, #9a9a9a));
    --_focus: var(--consent-focus-color, var(--_accent));
    --_radius: var(--consent-radius, 6px);
    --_space: var(--consent-spacing, 1rem);
  }
  /* theme="auto" follows the reader's system through color-scheme; light-dark() picks the colour. */
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    line-height: 1.2;
  }
  button.secondary {
    background: var(--_bg);
    color: var(--_fg);
    border-color: var(--_border);
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
