type Hyphenator = { hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string };
type HyphenModule = Hyphenator | { default: Hyphenator };

export type HyphenationCallback = (word: string) => string[];

export const noHyphenation: HyphenationCallback = (word) => [word];

// Static specifiers so bundlers see every pattern file. Languages missing here print without
// hyphenation: wrong rules are worse than none (Turkish rules, the nearest for Azerbaijani, break
// Azerbaijani words in the wrong places).
const PATTERNS: Record<string, () => Promise<HyphenModule>> = {
  be: () => import("hyphen/be"),
  bg: () => import("hyphen/bg"),
  ca: () => import("hyphen/ca"),
  cs: () => import("hyphen/cs"),
  cy: () => import("hyphen/cy"),
  da: () => import("hyphen/da"),
  de: () => import("hyphen/de"),
  el: () => import("hyphen/el-monoton"),
  en: () => import("hyphen/en-us"),
  "en-gb": () => import("hyphen/en-gb"),
  es: () => import("hyphen/es"),
  et: () => import("hyphen/et"),
  eu: () => import("hyphen/eu"),
  fi: () => import("hyphen/fi"),
  fr: () => import("hyphen/fr"),
  ga: () => import("hyphen/ga"),
  gl: () => import("hyphen/gl"),
  hr: () => import("hyphen/hr"),
  hu: () => import("hyphen/hu"),
  hy: () => import("hyphen/hy"),
  it: () => import("hyphen/it"),
  ka: () => import("hyphen/ka"),
  lt: () => import("hyphen/lt"),
  lv: () => import("hyphen/lv"),
  mk: () => import("hyphen/mk"),
  nb: () => import("hyphen/nb"),
  nl: () => import("hyphen/nl"),
  nn: () => import("hyphen/nn"),
  no: () => import("hyphen/nb"),
  pl: () => import("hyphen/pl"),
  pt: () => import("hyphen/pt"),
  ro: () => import("hyphen/ro"),
  ru: () => import("hyphen/ru"),
  sk: () => import("hyphen/sk"),
  sl: () => import("hyphen/sl"),
  sq: () => import("hyphen/sq"),
  sv: () => import("hyphen/sv"),
  tr: () => import("hyphen/tr"),
  uk: () => import("hyphen/uk"),
};

const loaded = new Map<string, Promise<HyphenationCallback>>();

/** The hyphenation for body text in `language`; no hyphenation where we have no rules for it. */
export function loadHyphenation(language: string): Promise<HyphenationCallback> {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  const key = tag in PATTERNS ? tag : (tag.split("-")[0] ?? "");
  const load = PATTERNS[key];
  if (!load) return Promise.resolve(noHyphenation);
  let callback = loaded.get(key);
  if (!callback) {
    callback = load().then((mod) => createCallback("default" in mod ? mod.default : mod));
    loaded.set(key, callback);
  }
  return callback;
}

const SOFT_HYPHEN = "\u00ad";
const MIN_LEFT = 2;
const MIN_RIGHT = 3;
// Addresses and numbers must not gain a printed hyphen; words in capitals (acronyms, surnames
// written French-style) are not hyphenated either.
const DO_NOT_SPLIT = /[\d/@:_=&?#.](?=.*\p{L})|^\P{Ll}*$/u;

function createCallback(hyphenator: Hyphenator): HyphenationCallback {
  const cache = new Map<string, string[]>();
  return (word) => {
    let parts = cache.get(word);
    if (!parts) {
      parts = DO_NOT_SPLIT.test(word) ? [word] : split(hyphenator.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }));
      if (cache.size > 50_000) cache.clear();
      cache.set(word, parts);
    }
    return parts;
  };
}

function split(hyphenated: string): string[] {
  const pieces = hyphenated.split(SOFT_HYPHEN);
  const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
  const total = letters(pieces.join(""));
  const parts: string[] = [];
  let before = 0;
  for (const piece of pieces) {
    const last = parts.length - 1;
    // A break right after a word's own hyphen would print a second one ("ill--treatment").
    const tooShort = before < MIN_LEFT || total - before < MIN_RIGHT || parts[last]?.endsWith("-");
    if (last >= 0 && tooShort) parts[last] += piece;
    else parts.push(piece);
    before += letters(piece);
  }
  return parts;
}
