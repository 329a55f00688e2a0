import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_fg);
    line-height: 1.45;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions button {
    flex: 1 1 10rem;
  }
  .banner {
    position: fixed;
    z-index: var(--consent-z-index, 2147483000);
    inset-inline: 0;
    bottom: 0;
    margin-inline: auto;
    max-width: 64rem;
    max-height: 50vh;
    overflow-y: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    padding: var(--_space);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -4px 24px rgb(0 0 0 / 0.2);
  }
  .banner-content {
    flex: 1 1 28rem;
    display: grid;
    gap: 0.5rem;
  }
  .banner-title {
    font-size: 1.15rem;
  }
  .banner-actions {
    flex: 1 1 20rem;
  }
  .dialog {
    width: min(40rem, 100vw - 1rem);
    max-height: min(90vh, 100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .dialog[open] {
    display: flex;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-box {
    display: flex;
    flex-direction: column;
    width: 100%;
    min-height: 0;
  }
  .dialog-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .dialog-header h2 {
    font-size: 1.2rem;
  }
  .dialog-header h2:focus {
    outline: none;
  }
  .dialog-header h2:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .close {
    padding: 0;
    font-size: 1.5rem;
    line-height: 1;
  }
  .dialog-scroll {
    overflow-y: auto;
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
  }
  .dialog-actions {
    padding: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .purpose {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  .purpose-head,
  .vendor {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .purpose h3 {
    font-size: 1rem;
  }
  .purpose p,
  .vendor-description {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .text {
    display: grid;
    gap: 0.15rem;
    min-width: 0;
  }
  .vendors {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .vendor {
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  .vendor-name {
    font-weight: 600;
  }
  .vendor a {
    font-size: 0.9rem;
  }
  .always {
    flex: none;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .switch {
    flex: none;
    position: relative;
    width: 3.25rem;
    min-width: 3.25rem;
    height: 1.75rem;
    min-height: 1.75rem;
    padding: 0;
    border-radius: 1rem;
    border: 2px solid var(--_border);
    background: var(--_bg);
  }
  .switch::after {
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
  .switch[aria-checked='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .switch[aria-checked='true']::after {
    inset-inline-start: 1.65rem;
    background: var(--_on-accent);
  }
  @media (forced-colors: active) {
    .switch::after {
      background: ButtonText;
    }
    .switch[aria-checked='true'] {
      background: Highlight;
    }
  }
  .status {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
