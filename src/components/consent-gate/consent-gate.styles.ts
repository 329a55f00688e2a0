import { css } from '../../styles/css.js';

export const styles = css`
  /* The page's line height, not ours: the embed code's line box (under the skeleton) is the page's. */
  :host {
    display: block;
    line-height: inherit;
  }
  /* Loaded, the gate is as if absent: the embed code lays out in the page as without the widget
     (no box, position or stacking context of ours; nothing inherited from us). */
  :host([loaded]),
  :host([loaded]) .base {
    all: inherit;
    /* Not in 'all': the base's dir would otherwise reach the content. */
    direction: inherit;
    display: contents;
  }
  .base {
    position: relative;
    /* A frame wider than the column (a 560 px player on a phone): the placeholder stays in it. */
    max-width: 100%;
    /* Resolved here, where the manager's theme sets color-scheme. */
    color: var(--_fg);
  }
  /* The embed code's boxes, hidden: they give the placeholder its size. A frame wider than a
     phone's column is clipped (clip, not hidden: no formatting context, so margins still collapse
     as in the page): the page does not scroll sideways for a placeholder. */
  .skeleton {
    visibility: hidden;
    overflow: clip;
  }
  /* The browser's own margins and content-box sizing, not our shared rules (only the shared
     '*' rule matches its elements: they have no class). Not 'all: revert', which would drop the
     frames' width and height attributes too. */
  .skeleton * {
    box-sizing: revert;
    margin: revert;
  }
  /* A frame's stand-in (embed-skeleton.ts): where its width or height is auto, a frame's default. */
  framebox {
    display: inline-block;
    contain: size;
    contain-intrinsic-size: 300px 150px;
  }
  /* Without a size of its own (a post, sized by its script): no skeleton. (Loaded, it is empty.) */
  :not(.sized) > .skeleton {
    display: none;
  }
  /* A frame of its own width alone (a 560 px player, not a 100 % one): the placeholder is as wide. */
  .fit {
    width: fit-content;
  }
  /* Off-screen, the placeholder is neither styled nor laid out: its box is the embed's. */
  .sized.rendered .placeholder {
    content-visibility: auto;
  }
  /* Never smaller than the compact placeholder's title and primary button, even on a phone. */
  .sized {
    min-height: 10rem;
  }
  .sized .placeholder,
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  /* Content without a size (a post): a fixed height until it is in, from its first element on, so
     that the placeholder and its text, whenever they arrive (another language may still be
     loading), move nothing around it. (Loaded, the box is gone: display: contents.) */
  .post:not(.sized) {
    height: 20rem;
  }
  .placeholder {
    line-height: 1.45;
    height: 100%;
    display: grid;
    place-items: safe center;
    overflow: auto;
    padding: var(--_s);
    background: var(--consent-placeholder-background, var(--_bg));
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
  }
  /* A placeholder sized by the embed (not by its text) is the container of its message. */
  .sized .placeholder,
  .post .placeholder {
    container-type: size;
  }
  /* Too small for the whole message (a player), or a phone's column: compact, the title and
     buttons first, the explanation and policy link after them, reached by scrolling inside. */
  @container (max-height: 15rem) or (max-width: 32rem) {
    .message {
      align-self: start;
      gap: 0.5em;
    }
    .title {
      order: -2;
    }
    .actions {
      order: -1;
    }
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
