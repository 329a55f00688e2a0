import { css } from '../../styles/css.js';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    position: relative;
    container-type: inline-size;
  }
  .sized ::slotted(*) {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    border: 0;
  }
  .placeholder {
    position: relative;
    display: grid;
    place-items: center;
    min-height: 100%;
    padding: var(--_space);
    background: var(--consent-placeholder-background, var(--_bg));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .sized .placeholder {
    position: absolute;
    inset: 0;
    overflow: auto;
  }
  .poster {
    position: absolute;
    width: 100%;
    height: 100%;
    object-fit: cover;
    opacity: 0.25;
  }
  .message {
    position: relative;
    display: grid;
    gap: 0.75em;
    max-width: 36rem;
  }
  .title {
    font-weight: 700;
  }
  @container (max-width: 420px) {
    .body {
      display: none;
    }
  }
`;
