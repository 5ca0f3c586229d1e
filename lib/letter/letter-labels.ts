// The few words the letter prints besides what the coordinator typed, in the appeal's language:
// the list heading, the group headings and the verification line. A letter in a language missing
// here prints them in English.

export interface LetterLabels {
  /** "Signatories as of 11 November 2024", given the date already formatted in the language. */
  signatoriesAsOf: (date: string) => string;
  organisations: string;
  individuals: string;
  verify: string;
}

const LABELS: Record<string, LetterLabels> = {
  en: {
    signatoriesAsOf: (d) => `Signatories as of ${d}`,
    organisations: "Organisations",
    individuals: "Individuals",
    verify: "Verify this letter and its signatories:",
  },
  fr: {
    signatoriesAsOf: (d) => `Signataires au ${d}`,
    organisations: "Organisations",
    individuals: "À titre individuel",
    verify: "Vérifier cette lettre et ses signataires :",
  },
  de: {
    signatoriesAsOf: (d) => `Unterzeichnende, Stand ${d}`,
    organisations: "Organisationen",
    individuals: "Einzelpersonen",
    verify: "Diesen Brief und seine Unterzeichnenden prüfen:",
  },
  es: {
    signatoriesAsOf: (d) => `Firmantes a ${d}`,
    organisations: "Organizaciones",
    individuals: "A título individual",
    verify: "Verifique esta carta y sus firmantes:",
  },
  ru: {
    signatoriesAsOf: (d) => `Подписавшие на ${d}`,
    organisations: "Организации",
    individuals: "Частные лица",
    verify: "Проверить это письмо и список подписавших:",
  },
  uk: {
    signatoriesAsOf: (d) => `Підписанти станом на ${d}`,
    organisations: "Організації",
    individuals: "Приватні особи",
    verify: "Перевірити цей лист і його підписантів:",
  },
  az: {
    signatoriesAsOf: (d) => `${d} tarixinə imzalayanlar`,
    organisations: "Təşkilatlar",
    individuals: "Fərdi şəxslər",
    verify: "Bu məktubu və imzalayanları yoxlayın:",
  },
  tr: {
    signatoriesAsOf: (d) => `${d} itibarıyla imzacılar`,
    organisations: "Kuruluşlar",
    individuals: "Bireyler",
    verify: "Bu mektubu ve imzacılarını doğrulayın:",
  },
  pl: {
    signatoriesAsOf: (d) => `Sygnatariusze według stanu na ${d}`,
    organisations: "Organizacje",
    individuals: "Osoby indywidualne",
    verify: "Zweryfikuj ten list i jego sygnatariuszy:",
  },
  cs: {
    signatoriesAsOf: (d) => `Signatáři k ${d}`,
    organisations: "Organizace",
    individuals: "Jednotlivci",
    verify: "Ověřte tento dopis a jeho signatáře:",
  },
  ar: {
    signatoriesAsOf: (d) => `الموقعون حتى ${d}`,
    organisations: "المنظمات",
    individuals: "الأفراد",
    verify: "للتحقق من هذه الرسالة وموقعيها:",
  },
  fa: {
    signatoriesAsOf: (d) => `امضاکنندگان تا ${d}`,
    organisations: "سازمان‌ها",
    individuals: "افراد",
    verify: "برای بررسی این نامه و امضاکنندگان آن:",
  },
};

export function letterLabels(language: string): LetterLabels {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? "en";
  return LABELS[base] ?? LABELS.en!;
}
