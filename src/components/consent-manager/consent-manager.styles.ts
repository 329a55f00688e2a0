import { css } from '../../styles/css.js';

export const styles = css`
  :host {
    display: block;
    line-height: 1.45;
  }
  .actions button {
    flex: 1 1 10rem;
  }
  .banner,
  .dialog {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .banner {
    position: fixed;
    z-index: var(--consent-z-index, 2147483000);
    inset: auto 0 0;
    margin-inline: auto;
    max-width: 64rem;
    max-height: 50vh;
    overflow-y: auto;
    display: grid;
    gap: 0.75rem;
    box-shadow: 0 -4px 24px #0003;
  }
  .dialog {
    width: min(40rem, 100vw - 1rem);
    max-height: calc(100dvh - 1rem);
  }
  .dialog[open] {
    display: grid;
    grid-template-rows: auto 1fr auto;
    gap: 0.75rem;
  }
  .dialog::backdrop {
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
    gap: var(--_space);
  }
  .purpose {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  .text {
    display: grid;
    min-width: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    margin-top: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .always {
    font-weight: 600;
  }
  [role='switch'] {
    flex: none;
    position: relative;
    width: 3.25rem;
    min-height: 1.75rem;
    border-radius: 1rem;
    border-color: var(--_border);
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
    background: var(--_border);
    transition: inset-inline-start 0.15s;
  }
  [aria-checked='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  [aria-checked='true']::after {
    inset-inline-start: 1.65rem;
    background: var(--_on-accent);
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
`;
