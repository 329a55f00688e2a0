/**
 * Whether an inline script's code names an element's id as a string literal, as an embed's setup
 * script names the element it fills (`jwplayer("id").setup(…)`, `gie.widgets.load({id:'id'})`):
 * the two belong to the same embed code.
 */
export function namesId(code: string, id: string | null | undefined): boolean {
  return !!id && (code.includes(`"${id}"`) || code.includes(`'${id}'`));
}
