import { words } from '../../core/vendor.js';
import { en, type Translation } from '../../translations/en.js';
import { chooseLanguage, languageFile, loadTexts, type LanguageSwitch } from '../../translations/languages.js';
import { withOverrides } from '../../translations/overrides.js';
import type { ReactiveController } from '../consent-element.js';
import { syncGates } from '../sync-gates.js';
import type { ConsentManager } from './consent-manager.js';

/**
 * The manager's language: chooses it (the manager's `lang`, else the page's `<html lang>`), loads
 * its texts (`dist/lang/<code>.js`) before anything shows, puts the publisher's `<consent-text>`
 * children in, follows a change of `lang` (the reader's language switch sets it), and loads that
 * switch for a site in more than one language. The manager's `language` and `texts` follow it.
 */
export class LanguageLoader implements ReactiveController {
  /** The language's own texts, before the publisher's overrides (set before the manager starts). */
  private languageTexts!: Translation;
  /** The manager's `lang` the language was chosen from. */
  private chosenFrom?: string;
  /** The dialog's language switch (`dist/lang/switch.js`), once asked for; the switch, once loaded. */
  private switchFile?: Promise<void>;
  private languageSwitch?: LanguageSwitch;

  constructor(private readonly managerHost: ConsentManager) {
    managerHost.addController(this);
  }

  /**
   * @internal Chooses the language the manager's `lang` (else the page's `<html lang>`) asks for
   * and calls `then` once its texts are there (at once for English): nothing shows in another
   * language first. English when the language is unsupported or its file could not be loaded.
   */
  loadLanguage(then: () => void): void {
    const manager = this.managerHost;
    const language = chooseLanguage((this.chosenFrom = manager.lang), document.documentElement.lang);
    const use = (texts: Translation): void => {
      this.languageTexts = texts;
      manager.language = texts === en ? 'en' : language;
      then();
    };
    if (language === 'en') use(en);
    else loadTexts(language).then(use);
  }

  /** Once the manager has started: a changed `lang` brings its texts; several languages, the switch. */
  hostUpdate(): void {
    const manager = this.managerHost;
    if (!manager.ready) return;
    if (manager.lang !== this.chosenFrom) {
      this.loadLanguage(() => {
        this.readOverrides();
        manager.requestUpdate();
        syncGates(new Set());
      });
    }
    if (!this.switchFile && words(manager.languages)[1]) {
      this.switchFile = languageFile('switch').then((module?: { default: LanguageSwitch }) => {
        this.languageSwitch = module?.default;
        manager.requestUpdate();
      });
    }
  }

  /** @internal The manager's texts: the language's, with the publisher's `<consent-text>` children put in. */
  readOverrides(): void {
    const manager = this.managerHost;
    manager.texts = withOverrides(this.languageTexts, manager.language, manager);
  }

  /** @internal The dialog's language switch as it should show now, once loaded. */
  renderSwitch(): Node | undefined {
    return this.languageSwitch?.(this.managerHost, loadTexts);
  }
}
