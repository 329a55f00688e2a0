import { css } from '../../styles/css.js';

export const styles = css`
  :host {
    display: block;
  }
  .ui {
    display: contents;
  }
  /* Two to a row at 320 px: the banner keeps room for its text. */
  .actions button {
    flex: 1 1 8rem;
  }
  .banner,
  dialog,
  section {
    display: grid;
    gap: 0.75rem;
    padding: var(--_s);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
  }
  .banner {
    position: fixed;
    z-index: var(--consent-z-index, 2147483000);
    inset: auto 0 0;
    margin: auto;
    max-width: 64rem;
    max-height: 50vh;
    /* The banner scrolls, its buttons held in view, down to 320 px wide: the scrolling region holds
       the buttons, so a keyboard scrolls it (a scrolling paragraph alone could not be reached). */
    overflow: auto;
    box-shadow: 0 -4px 24px #0003;
  }
  .actions {
    position: sticky;
    bottom: 0;
    background: inherit;
  }
  .banner > a {
    justify-self: start;
  }
  dialog {
    width: min(40rem, 100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    margin: auto;
    grid-template-rows: auto 1fr auto;
  }
  dialog:not([open]) {
    display: none;
  }
  ::backdrop {
    background: #0008;
  }
  .scroll {
    overflow-y: auto;
    display: grid;
    gap: 0.75rem;
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_s);
  }
  .text {
    display: grid;
    min-width: 0;
  }
  .muted {
    color: var(--_mu);
    font-size: 0.9em;
  }
  ul {
    display: grid;
    gap: 0.75rem;
    list-style: none;
    padding: 0;
  }
  li {
    padding-top: 0.75rem;
    border-top: 1px solid var(--_bd);
  }
  .always {
    font-weight: 600;
  }
  [role='switch'] {
    flex: none;
    position: relative;
    width: 3.25rem;
    min-height: 1.75rem;
    padding: 0;
    border-radius: 1rem;
    border-color: var(--_bd);
    background: var(--_bg);
  }
  [role='switch']::after {
    content: '';
    position: absolute;
    top: 0.15rem;
    inset-inline-start: 0.15rem;
    width: 1.2rem;
    height: 1.2rem;
    border-radius: 50%;
    background: var(--_bd);
  }
  [aria-checked='true'] {
    background: var(--_a);
    border-color: var(--_a);
  }
  [aria-checked='true']::after {
    inset-inline-start: 1.65rem;
    background: var(--_on);
  }
  @media (forced-colors: active) {
    [role='switch']::after {
      background: ButtonText;
    }
    [aria-checked='true'] {
      background: Highlight;
    }
  }
  .status {
    position: absolute;
    clip-path: inset(50%);
  }
  /* Short viewports (400 % zoom is 320 × 256): the banner and the dialog scroll as a whole, so
     that no part of them is squeezed to nothing. */
  @media (max-height: 30rem) {
    dialog {
      grid-template-rows: none;
      overflow-y: auto;
    }
    .scroll {
      overflow: visible;
    }
    .actions {
      position: static;
    }
  }
`;
