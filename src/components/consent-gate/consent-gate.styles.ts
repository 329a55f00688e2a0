import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-block: var(--consent-gate-margin, 0);
  }
  .base {
    position: relative;
    width: 100%;
    container-type: inline-size;
  }
  .sized ::slotted(iframe),
  .sized ::slotted(video),
  .sized ::slotted(img) {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    border: 0;
  }
  .placeholder {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    min-height: 100%;
    padding: var(--_space);
    overflow: hidden;
    color: var(--_fg);
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
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    opacity: 0.25;
  }
  .message {
    position: relative;
    max-width: 36rem;
  }
  p {
    margin: 0 0 0.75em;
    line-height: 1.4;
  }
  .title {
    font-weight: 700;
    font-size: 1.05em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @container (max-width: 420px) {
    .body {
      display: none;
    }
    button {
      padding: 0.4rem 0.75rem;
      font-size: 0.9em;
    }
  }
`;
