import type { LanguageTexts } from './en.js';

const es: LanguageTexts = {
  bannerTitle: 'Tu privacidad en este sitio',
  bannerBody: (partners) =>
    `Nosotros y nuestros socios (${partners}) queremos usar cookies para mostrar contenido insertado y ` +
    'medir el uso del sitio. Acepta, rechaza o elige; puedes cambiarlo cuando quieras en «Configuración de cookies».',
  bannerNewVendors: {
    one: 'Tenemos un socio nuevo: {partners}. Se mantienen tus respuestas anteriores.',
    other: 'Tenemos socios nuevos: {partners}. Se mantienen tus respuestas anteriores.',
  },
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  managePreferences: 'Gestionar preferencias',
  policyLink: 'Política de privacidad y cookies',
  dialogTitle: 'Gestionar preferencias',
  dialogBody: 'Nada se activa hasta que tú lo actives. Puedes cambiarlo en cualquier momento.',
  close: 'Cerrar',
  language: 'Idioma',
  languageName: 'Español',
  save: 'Guardar mis opciones',
  saved: 'Se han guardado tus opciones.',
  alwaysOn: 'Siempre activo',
  vendorPolicy: (vendor) => `Política de privacidad de ${vendor}`,
  purposeNames: {
    necessary: 'Estrictamente necesarias',
    functional: 'Funcionales',
    analytics: 'Analítica',
    advertising: 'Publicidad',
    embeds: 'Redes sociales y contenido insertado',
  },
  purposeDescriptions: {
    necessary: 'Imprescindibles para que el sitio funcione, como recordar esta elección.',
    functional: 'Recordar tus ajustes.',
    analytics: 'Medir cómo se leen los artículos.',
    advertising: 'Mostrar y medir anuncios, quizá según tu actividad en otros sitios.',
    embeds: 'Vídeos, publicaciones, mapas y gráficos de otros servicios.',
  },
  vendorKinds: {
    video: () => 'Reproductor de vídeo',
    audio: () => 'Reproductor de audio',
    podcast: () => 'Reproductor de pódcasts',
    posts: (vendor) => `Publicaciones insertadas de ${vendor}`,
    gifs: () => 'Imágenes animadas (GIF)',
    images: () => 'Fotos insertadas',
    charts: () => 'Gráficos e infografías interactivos',
    stories: () => 'Cronologías e historias interactivas',
    maps: () => 'Mapas interactivos',
    documents: () => 'Documentos insertados',
    comments: () => 'Comentarios de los lectores',
    liveblog: () => 'Cobertura en directo de los acontecimientos',
    polls: () => 'Encuestas, cuestionarios y formularios',
    recommendations: () => 'Recomienda artículos y contenido patrocinado',
    ads: () => 'Muestra anuncios y mide sus resultados',
    'ad-measurement': (vendor) => `Mide los resultados de los anuncios con ${vendor}`,
    analytics: () => 'Mide cómo se usa este sitio',
    audience: () => 'Mide audiencias en varios sitios',
    'tag-manager': () => 'Carga etiquetas de medición y publicidad',
  },
  gateTitle: (vendor) => `Necesitamos tu consentimiento para cargar este contenido de ${vendor}.`,
  gateBody: (vendor) =>
    `Usamos ${vendor} para gestionar contenido adicional que puede instalar cookies en tu dispositivo y recoger datos ` +
    'sobre tu actividad. Revisa sus datos y acéptalos para cargar el contenido.',
  gateAccept: (vendor) => `Aceptar ${vendor} y cargar`,
  gateLoadOnce: 'Cargar una vez',
  gateUnavailable: 'Este contenido no está disponible.',
  gpcHonoured: 'Tu navegador envía una señal Global Privacy Control, así que los socios publicitarios siguen desactivados.',
  reloadNotice: 'Algunos de tus cambios surtirán pleno efecto al recargar la página.',
  reload: 'Recargar la página',
  unsavedNotice: 'Tu elección solo vale para esta página: este navegador no permite que el sitio la recuerde.',
};

export default es;
