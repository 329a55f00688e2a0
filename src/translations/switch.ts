// dist/lang/switch.js: the dialog's language switch, for a site in more than one language
// (`languages="ga en"` on the manager). A file beside the language files, loaded only by such a
// site, so that the main script carries none of it (docs/languages.md).
import { words } from '../core/vendor.js';
import type { LanguageSwitch, SwitchHost } from './languages.js';
import { supported } from './languages.js';

const switches = new WeakMap<SwitchHost, { label: HTMLLabelElement; select: HTMLSelectElement }>();

/**
 * A labelled `<select>` of the site's languages, each option named in its own language (and
 * marked with its `lang`), the one shown selected. Choosing one sets the manager's `lang`, which
 * shows every text in that language; the next receipt records it. The same element is returned
 * each time, brought up to date, so that it keeps focus as the dialog is drawn again.
 */
const languageSwitch: LanguageSwitch = (manager, loadTexts) => {
  let parts = switches.get(manager);
  if (!parts) {
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.onchange = () => (manager.lang = select.value);
    label.append('', ' ', select);
    parts = { label, select };
    switches.set(manager, parts);
  }
  const { label, select } = parts;
  const codes = [...new Set(words(manager.languages).flatMap((tag) => supported(tag) ?? []))];
  if (Array.from(select.options, (option) => option.value).join(' ') !== codes.join(' ')) {
    select.replaceChildren(
      ...codes.map((code) => {
        const option = new Option(code, code);
        option.lang = code;
        // Each language's name is in its own texts; English is built in, and its name is here.
        loadTexts(code).then((texts) => (option.text = texts.languageName ?? (code === 'en' ? 'English' : code)));
        return option;
      }),
    );
  }
  select.value = manager.language;
  (label.firstChild as Text).data = manager.texts.language ?? 'Language';
  return label;
};

export default languageSwitch;
