import type { LanguageTexts } from './en.js';

const fr: LanguageTexts = {
  bannerTitle: 'Votre vie privée sur ce site',
  bannerBody: (partners) =>
    `Nous et nos partenaires (${partners}) souhaitons utiliser des cookies pour afficher des contenus intégrés ` +
    'et mesurer l’utilisation du site. Acceptez, refusez ou choisissez ; vous pouvez changer d’avis à tout moment dans « Paramètres des cookies ».',
  bannerNewVendors: {
    one: 'Nous avons {count} nouveau partenaire : {partners}. Vos réponses précédentes sont conservées.',
    other: 'Nous avons de nouveaux partenaires : {partners}. Vos réponses précédentes sont conservées.',
  },
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  managePreferences: 'Gérer les préférences',
  policyLink: 'Politique de confidentialité et de cookies',
  dialogTitle: 'Gérer les préférences',
  dialogBody: 'Rien n’est activé tant que vous ne l’activez pas. Vous pouvez modifier ces choix à tout moment.',
  close: 'Fermer',
  language: 'Langue',
  languageName: 'Français',
  save: 'Enregistrer mes choix',
  saved: 'Vos choix ont été enregistrés.',
  alwaysOn: 'Toujours actif',
  vendorPolicy: (vendor) => `Politique de confidentialité de ${vendor}`,
  purposeNames: {
    necessary: 'Strictement nécessaires',
    functional: 'Fonctionnels',
    analytics: 'Mesure d’audience',
    advertising: 'Publicité',
    embeds: 'Réseaux sociaux et contenus intégrés',
  },
  purposeDescriptions: {
    necessary: 'Indispensables au fonctionnement du site, par exemple pour retenir ce choix.',
    functional: 'Retenir vos réglages.',
    analytics: 'Mesurer la lecture des articles.',
    advertising: 'Afficher et mesurer des publicités, éventuellement selon votre activité ailleurs.',
    embeds: 'Vidéos, publications, cartes et graphiques d’autres services.',
  },
  vendorKinds: {
    video: () => 'Lecteur vidéo',
    audio: () => 'Lecteur audio',
    podcast: () => 'Lecteur de podcasts',
    posts: (vendor) => `Publications intégrées de ${vendor}`,
    gifs: () => 'Images animées (GIF)',
    images: () => 'Photos intégrées',
    charts: () => 'Graphiques et infographies interactifs',
    stories: () => 'Chronologies et récits interactifs',
    maps: () => 'Cartes interactives',
    documents: () => 'Documents intégrés',
    comments: () => 'Commentaires des lecteurs',
    liveblog: () => 'Suivi en direct des événements',
    polls: () => 'Sondages, quiz et formulaires',
    recommendations: () => 'Recommande des articles et des contenus sponsorisés',
    ads: () => 'Affiche des publicités et mesure leurs résultats',
    'ad-measurement': (vendor) => `Mesure les résultats des publicités avec ${vendor}`,
    analytics: () => 'Mesure l’utilisation de ce site par les lecteurs',
    audience: () => 'Mesure l’audience sur plusieurs sites',
    'tag-manager': () => 'Charge des balises de mesure et de publicité',
  },
  gateTitle: (vendor) => `Nous avons besoin de votre consentement pour charger ce contenu ${vendor}.`,
  gateBody: (vendor) =>
    `Nous utilisons ${vendor} pour gérer des contenus supplémentaires qui peuvent déposer des cookies sur votre appareil ` +
    'et collecter des données sur votre activité. Consultez leurs informations et acceptez-les pour charger le contenu.',
  gateAccept: (vendor) => `Accepter ${vendor} et charger`,
  gateLoadOnce: 'Charger une fois',
  gateUnavailable: 'Ce contenu n’est pas disponible.',
  gpcHonoured: 'Votre navigateur envoie un signal Global Privacy Control : les partenaires publicitaires restent désactivés.',
  reloadNotice: 'Certaines de vos modifications prendront pleinement effet au rechargement de la page.',
  reload: 'Recharger la page',
  unsavedNotice: 'Votre choix vaut pour cette page seulement : ce navigateur ne permet pas au site de le retenir.',
};

export default fr;
