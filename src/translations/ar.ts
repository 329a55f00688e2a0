import type { Translation } from './en.js';

/** Arabic: laid out right to left. */
const ar: Translation = {
  bannerTitle: 'خصوصيتك على هذا الموقع',
  bannerBody: (partners) =>
    `نود نحن وشركاؤنا (${partners}) استخدام ملفات تعريف الارتباط لعرض المحتوى المضمّن وقياس استخدام الموقع. ` +
    'اقبل أو ارفض أو اختر، ويمكنك تغيير ذلك في أي وقت من «إعدادات ملفات تعريف الارتباط».',
  bannerNewVendors: (partners, count) =>
    `${count === 1 ? 'لدينا شريك جديد' : 'لدينا شركاء جدد'}: ${partners}. نحتفظ بإجاباتك السابقة.`,
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  managePreferences: 'إدارة التفضيلات',
  policyLink: 'سياسة الخصوصية وملفات تعريف الارتباط',
  dialogTitle: 'إدارة التفضيلات',
  dialogBody: 'لا يُفعَّل شيء حتى تفعّله أنت. يمكنك تغيير ذلك في أي وقت.',
  close: 'إغلاق',
  save: 'حفظ اختياراتي',
  saved: 'تم حفظ اختياراتك.',
  alwaysOn: 'مفعّل دائمًا',
  vendorPolicy: (vendor) => `سياسة الخصوصية لدى ${vendor}`,
  purposeNames: {
    necessary: 'ضرورية للغاية',
    functional: 'وظيفية',
    analytics: 'التحليلات',
    advertising: 'الإعلانات',
    embeds: 'وسائل التواصل الاجتماعي والمحتوى المضمّن',
  },
  purposeDescriptions: {
    necessary: 'لازمة لعمل الموقع، مثل تذكّر هذا الاختيار.',
    functional: 'تذكّر إعداداتك.',
    analytics: 'قياس طريقة قراءة المقالات.',
    advertising: 'عرض الإعلانات وقياسها، وربما بناءً على نشاطك في أماكن أخرى.',
    embeds: 'مقاطع فيديو ومنشورات وخرائط ورسوم بيانية من خدمات أخرى.',
  },
  gateTitle: (vendor) => `نحتاج إلى موافقتك لتحميل محتوى ${vendor} هذا.`,
  gateBody: (vendor) =>
    `نستخدم ${vendor} لإدارة محتوى إضافي قد يضع ملفات تعريف الارتباط على جهازك ويجمع بيانات عن نشاطك. ` +
    'يُرجى مراجعة تفاصيلهم وقبولها لتحميل المحتوى.',
  gateAccept: (vendor) => `قبول ${vendor} والتحميل`,
  gateLoadOnce: 'تحميل مرة واحدة',
  gateUnavailable: 'هذا المحتوى غير متاح.',
  gpcHonoured: 'يرسل متصفحك إشارة Global Privacy Control، لذلك يبقى الشركاء الإعلانيون معطّلين.',
  reloadNotice: 'ستسري بعض تغييراتك بالكامل عند إعادة تحميل الصفحة.',
  reload: 'إعادة تحميل الصفحة',
  unsavedNotice: 'ينطبق اختيارك على هذه الصفحة فقط: لا يسمح هذا المتصفح للموقع بتذكّره.',
};

export default ar;
