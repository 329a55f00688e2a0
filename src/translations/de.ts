import type { LanguageTexts } from './en.js';

const de: LanguageTexts = {
  bannerTitle: 'Ihre Privatsphäre auf dieser Website',
  bannerBody: (partners) =>
    `Wir und unsere Partner (${partners}) möchten Cookies verwenden, um eingebettete Inhalte anzuzeigen und ` +
    'die Nutzung der Website zu messen. Akzeptieren, ablehnen oder auswählen; Sie können das jederzeit unter „Cookie-Einstellungen“ ändern.',
  bannerNewVendors: {
    one: 'Wir haben einen neuen Partner: {partners}. Ihre bisherigen Antworten bleiben erhalten.',
    other: 'Wir haben neue Partner: {partners}. Ihre bisherigen Antworten bleiben erhalten.',
  },
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  managePreferences: 'Einstellungen verwalten',
  policyLink: 'Datenschutz- und Cookie-Richtlinie',
  dialogTitle: 'Einstellungen verwalten',
  dialogBody: 'Nichts ist aktiv, bevor Sie es einschalten. Sie können das jederzeit ändern.',
  close: 'Schließen',
  language: 'Sprache',
  languageName: 'Deutsch',
  save: 'Auswahl speichern',
  saved: 'Ihre Auswahl wurde gespeichert.',
  alwaysOn: 'Immer aktiv',
  vendorPolicy: (vendor) => `Datenschutzerklärung von ${vendor}`,
  purposeNames: {
    necessary: 'Unbedingt erforderlich',
    functional: 'Funktional',
    analytics: 'Statistik',
    advertising: 'Werbung',
    embeds: 'Soziale Medien und eingebettete Inhalte',
  },
  purposeDescriptions: {
    necessary: 'Für den Betrieb der Website nötig, etwa um diese Auswahl zu speichern.',
    functional: 'Ihre Einstellungen speichern.',
    analytics: 'Messen, wie Artikel gelesen werden.',
    advertising: 'Werbung anzeigen und messen, möglicherweise anhand Ihrer Aktivität anderswo.',
    embeds: 'Videos, Beiträge, Karten und Grafiken anderer Dienste.',
  },
  vendorKinds: {
    video: () => 'Videoplayer',
    audio: () => 'Audioplayer',
    podcast: () => 'Podcast-Player',
    posts: (vendor) => `Eingebettete Beiträge von ${vendor}`,
    gifs: () => 'Animierte Bilder (GIFs)',
    images: () => 'Eingebettete Fotos',
    charts: () => 'Interaktive Grafiken und Diagramme',
    stories: () => 'Interaktive Zeitleisten und Geschichten',
    maps: () => 'Interaktive Karten',
    documents: () => 'Eingebettete Dokumente',
    comments: () => 'Kommentare der Leserinnen und Leser',
    liveblog: () => 'Live-Berichterstattung über laufende Ereignisse',
    polls: () => 'Umfragen, Quiz und Formulare',
    recommendations: () => 'Empfiehlt Artikel und gesponserte Inhalte',
    ads: () => 'Zeigt Werbung und misst ihren Erfolg',
    'ad-measurement': (vendor) => `Misst den Erfolg von Werbung mit ${vendor}`,
    analytics: () => 'Misst, wie diese Website genutzt wird',
    audience: () => 'Misst die Reichweite über mehrere Websites',
    'tag-manager': () => 'Lädt Mess- und Werbe-Tags',
  },
  gateTitle: (vendor) => `Wir benötigen Ihre Einwilligung, um diesen ${vendor}-Inhalt zu laden.`,
  gateBody: (vendor) =>
    `Wir nutzen ${vendor} für zusätzliche Inhalte, die Cookies auf Ihrem Gerät setzen und Daten über Ihre Aktivität ` +
    'erheben können. Bitte prüfen Sie die Angaben und akzeptieren Sie sie, um den Inhalt zu laden.',
  gateAccept: (vendor) => `${vendor} akzeptieren und laden`,
  gateLoadOnce: 'Einmal laden',
  gateUnavailable: 'Dieser Inhalt ist nicht verfügbar.',
  gpcHonoured: 'Ihr Browser sendet ein Global-Privacy-Control-Signal, daher bleiben Werbepartner ausgeschaltet.',
  reloadNotice: 'Einige Änderungen werden erst nach dem Neuladen der Seite vollständig wirksam.',
  reload: 'Seite neu laden',
  unsavedNotice: 'Ihre Auswahl gilt nur für diese Seite: Dieser Browser erlaubt der Website nicht, sie zu speichern.',
};

export default de;
