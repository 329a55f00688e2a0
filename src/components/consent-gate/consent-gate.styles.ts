import { css } from '../../styles/css.js';

export const styles = css`
  :host {
    display: block;
  }
  .base {
    position: relative;
    /* Resolved here, where the manager's theme sets color-scheme. */
    color: var(--_fg);
  }
  /* Off-screen, the placeholder or embed is neither styled nor laid out: its box is the ratio's. */
  .ratio.rendered {
    content-visibility: auto;
  }
  /* A box of a known height only (min-height): the embed may grow it once loaded, like any page. */
  .ratio ::slotted(*),
  .sized .placeholder,
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  /* No gap under a frame in a line: a box of a known height keeps it. */
  ::slotted(iframe) {
    border: 0;
    vertical-align: top;
  }
  /* Content without a size (a post): a fixed height until it is in, from its first element on, so
     that the placeholder and its text, whenever they arrive (another language may still be
     loading), move nothing around it. */
  :host(:not([loaded])) .post:not(.sized) {
    height: 20rem;
  }
  .placeholder {
    height: 100%;
    display: grid;
    place-items: center;
    overflow: auto;
    padding: var(--_s);
    background: var(--consent-placeholder-background, var(--_bg));
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
  }
  .poster {
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
`;
