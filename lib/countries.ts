import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json" with { type: "json" };
import az from "i18n-iso-countries/langs/az.json" with { type: "json" };
import cs from "i18n-iso-countries/langs/cs.json" with { type: "json" };
import de from "i18n-iso-countries/langs/de.json" with { type: "json" };
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import es from "i18n-iso-countries/langs/es.json" with { type: "json" };
import fa from "i18n-iso-countries/langs/fa.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import pl from "i18n-iso-countries/langs/pl.json" with { type: "json" };
import ru from "i18n-iso-countries/langs/ru.json" with { type: "json" };
import tr from "i18n-iso-countries/langs/tr.json" with { type: "json" };
import uk from "i18n-iso-countries/langs/uk.json" with { type: "json" };

// Country names in the languages appeals are most often written in; others fall back to English.
for (const locale of [en, fr, de, es, ru, uk, az, tr, pl, cs, ar, fa]) countries.registerLocale(locale);

const baseLanguage = (tag: string) => tag.toLowerCase().split("-")[0] ?? "en";

export function isCountryCode(code: string): boolean {
  return countries.isValid(code.toUpperCase());
}

export function countryName(code: string, language = "en"): string {
  const upper = code.toUpperCase();
  return countries.getName(upper, baseLanguage(language)) ?? countries.getName(upper, "en") ?? upper;
}

/** Every ISO 3166-1 country, sorted by its name in `language`, for the sign-on form. */
export function countryOptions(language = "en"): { code: string; name: string }[] {
  const lang = baseLanguage(language);
  const names = countries.getNames(countries.langs().includes(lang) ? lang : "en", { select: "official" });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
