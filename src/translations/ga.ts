import type { LanguageTexts } from './en.js';

/** Irish. */
const ga: LanguageTexts = {
  bannerTitle: 'Do phríobháideachas ar an suíomh seo',
  bannerBody: (partners) =>
    `Ba mhaith linne agus lenár gcomhpháirtithe (${partners}) fianáin a úsáid chun ábhar leabaithe a thaispeáint ` +
    'agus chun úsáid an tsuímh a thomhas. Glac leo, diúltaigh dóibh nó roghnaigh; is féidir é a athrú am ar bith i "Socruithe fianán".',
  bannerNewVendors: {
    one: 'Tá comhpháirtí nua againn: {partners}. Coinnítear do fhreagraí roimhe seo.',
    two: 'Tá {count} chomhpháirtí nua againn: {partners}. Coinnítear do fhreagraí roimhe seo.',
    few: 'Tá {count} chomhpháirtí nua againn: {partners}. Coinnítear do fhreagraí roimhe seo.',
    many: 'Tá {count} gcomhpháirtí nua againn: {partners}. Coinnítear do fhreagraí roimhe seo.',
    other: 'Tá {count} comhpháirtí nua againn: {partners}. Coinnítear do fhreagraí roimhe seo.',
  },
  acceptAll: 'Glac le gach ceann',
  rejectAll: 'Diúltaigh do gach ceann',
  managePreferences: 'Bainistigh Roghanna',
  policyLink: 'Polasaí príobháideachais agus fianán',
  dialogTitle: 'Bainistigh Roghanna',
  dialogBody: 'Níl aon rud ar siúl go dtí go gcasann tú air é. Is féidir leat é seo a athrú am ar bith.',
  close: 'Dún',
  language: 'Teanga',
  languageName: 'Gaeilge',
  save: 'Sábháil na roghanna',
  saved: 'Sábháladh do roghanna.',
  alwaysOn: 'Ar siúl i gcónaí',
  vendorPolicy: (vendor) => `Polasaí príobháideachais ${vendor}`,
  purposeNames: {
    necessary: 'Riachtanach',
    functional: 'Feidhmiúil',
    analytics: 'Anailísíocht',
    advertising: 'Fógraíocht',
    embeds: 'Meáin shóisialta agus ábhar leabaithe',
  },
  purposeDescriptions: {
    necessary: 'Riachtanach chun an suíomh a oibriú, mar shampla chun an rogha seo a mheabhrú.',
    functional: 'Do shocruithe a mheabhrú.',
    analytics: 'Tomhas conas a léitear ailt.',
    advertising: 'Fógraí a thaispeáint agus a thomhas, b’fhéidir bunaithe ar do ghníomhaíocht in áiteanna eile.',
    embeds: 'Físeáin, postálacha, léarscáileanna agus cairteacha ó sheirbhísí eile.',
  },
  vendorKinds: {
    video: () => 'Seinnteoir físe',
    audio: () => 'Seinnteoir fuaime',
    podcast: () => 'Seinnteoir podchraoltaí',
    posts: (vendor) => `Postálacha leabaithe ó ${vendor}`,
    gifs: () => 'Íomhánna beoite (GIFanna)',
    images: () => 'Grianghraif leabaithe',
    charts: () => 'Cairteacha agus grafaic idirghníomhacha',
    stories: () => 'Amlínte agus scéalta idirghníomhacha',
    maps: () => 'Léarscáileanna idirghníomhacha',
    documents: () => 'Doiciméid leabaithe',
    comments: () => 'Tuairimí léitheoirí',
    liveblog: () => 'Tuairisciú beo ar imeachtaí',
    polls: () => 'Pobalbhreitheanna, tráth na gceist agus foirmeacha',
    recommendations: () => 'Molann sé ailt agus ábhar urraithe',
    ads: () => 'Taispeánann sé fógraí agus tomhaiseann sé a dtorthaí',
    'ad-measurement': (vendor) => `Tomhaiseann sé torthaí fógraí le ${vendor}`,
    analytics: () => 'Tomhaiseann sé conas a úsáideann léitheoirí an suíomh seo',
    audience: () => 'Tomhaiseann sé lucht féachana thar shuíomhanna éagsúla',
    'tag-manager': () => 'Lódálann sé clibeanna tomhais agus fógraíochta',
  },
  gateTitle: (vendor) => `Teastaíonn do thoiliú uainn chun an t-ábhar ${vendor} seo a lódáil.`,
  gateBody: (vendor) =>
    `Úsáidimid ${vendor} chun ábhar breise a bhainistiú ar féidir leis fianáin a chur ar do ghléas agus sonraí ` +
    'faoi do ghníomhaíocht a bhailiú. Déan athbhreithniú ar a sonraí agus glac leo chun an t-ábhar a lódáil.',
  gateAccept: (vendor) => `Glac le ${vendor} agus lódáil`,
  gateLoadOnce: 'Lódáil uair amháin',
  gateUnavailable: 'Níl an t-ábhar seo ar fáil.',
  gpcHonoured: 'Seolann do bhrabhsálaí comhartha Global Privacy Control, mar sin fanann comhpháirtithe fógraíochta as.',
  reloadNotice: 'Tiocfaidh cuid de do chuid athruithe i bhfeidhm go hiomlán nuair a athlódáiltear an leathanach.',
  reload: 'Athlódáil an leathanach',
  unsavedNotice: 'Baineann do rogha leis an leathanach seo amháin: ní ligeann an brabhsálaí seo don suíomh í a mheabhrú.',
};

export default ga;
