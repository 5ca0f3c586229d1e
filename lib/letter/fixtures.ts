import { parseLetterMarkdown } from "@/lib/markdown/letter-markdown";
import { drawFixtureSignature } from "./fixture-signatures";
import type { LetterContent, LetterPdfInput, Signer } from "./types";

// A demo open letter written for this project (fictional country, people and organisations), in
// the shape of the letters coalitions send to heads of state. The seed and the tests both use it.
export const demoLetterMarkdown = `We, the undersigned organisations, are writing to express our grave concern about the continued detention of at least fourteen journalists and human rights defenders in Norvania. Since March, they have been held on charges of *smuggling*, *tax evasion* and *illegal entrepreneurship* which, in our assessment and that of independent lawyers, bear no relation to any conduct of theirs and appear designed to punish them for their reporting and their peaceful work.

Among those detained are the editors of two of the country's last independent news outlets, a lawyer who represented victims of torture, and a researcher who documented conditions in places of detention. Several have reported ill-treatment during interrogation, and two have been denied regular contact with their families for months. Our joint report, [*Silenced by Design*](https://example.org/reports/silenced-by-design), sets out each case in detail.

Norvania has ratified the International Covenant on Civil and Political Rights, which protects the right of everyone to seek, receive and impart information, and requires that all persons deprived of their liberty be treated with humanity. The prosecution of journalists for their work is **incompatible with these obligations** and with the Constitution of Norvania itself.

We therefore respectfully call on you to:

1. **Release immediately and unconditionally** all journalists and human rights defenders detained for their work, and drop all charges against them;
2. Ensure that, pending their release, every detainee has regular access to a lawyer of their choosing, to their family and to adequate medical care;
3. Order a prompt, impartial and effective investigation into the allegations of ill-treatment, and bring those responsible to justice;
4. Bring the laws on the media and on non-governmental organisations into line with international human rights standards, in consultation with civil society.

We would welcome the opportunity to discuss these concerns with your administration and remain at your disposal for any further information.`;

export const demoLetterContent: LetterContent = {
  language: "en",
  title: "Open letter: Release the journalists and human rights defenders detained in Norvania",
  recipient: [
    "H.E. Mr Arman KESTREL",
    "President of the Republic of Norvania",
    "Presidential Administration",
    "14 Independence Avenue",
    "1001 Norvan",
  ].join("\n"),
  place: "Brussels, Paris,",
  dateText: "11 November 2024",
  salutation: "Dear President Kestrel,",
  body: parseLetterMarkdown(demoLetterMarkdown),
  closing: "Sincerely,",
};

export const demoSignatureSigners: Signer[] = [
  {
    line: "Maria Novák, Director, Free Press Watch (Belgium)",
    signaturePng: drawFixtureSignature({ seed: 11, ink: "blue" }),
    ink: "blue",
  },
  {
    line: "Jean-Luc Marchetti, Executive Director, Civic Rights Centre (France)",
    signaturePng: drawFixtureSignature({ seed: 23, ink: "black" }),
    ink: "black",
  },
];

const FIRST_NAMES = [
  "Aysel", "Rəşad", "Gülnarə", "İlkin", "Şəhla", "Tomáš", "Zuzana", "Łukasz", "Małgorzata", "Zoë",
  "François", "Hélène", "Анна", "Дмитрий", "Олена", "Jürgen", "Søren", "Ayşe", "Nuno", "Siobhán",
];
const LAST_NAMES = [
  "Əliyeva", "Hüseynov", "Qasımlı", "Dvořák", "Nováková", "Wójcik", "Przybylska", "Lefèvre",
  "Garçon", "Иванова", "Кузнецов", "Шевченко", "Müller", "Øster", "Yılmaz", "Gonçalves", "O'Brien",
];
const COUNTRIES = ["Azerbaijan", "Czechia", "Poland", "France", "Ukraine", "Germany", "Türkiye", "Ireland"];
const ORGANISATION_WORDS = ["Centre", "Institute", "Network", "Union", "Foundation", "Association", "Coalition"];
const ORGANISATION_TOPICS = ["Press Freedom", "Human Rights", "Civic Space", "Justice", "Media Law", "Democracy"];

/** `count` list-layout signers, a fifth of them organisations, with Latin and Cyrillic accents. */
export function demoListSigners(count: number): { organisations: Signer[]; individuals: Signer[] } {
  const organisations: Signer[] = [];
  const individuals: Signer[] = [];
  for (let i = 0; i < count; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    if (i % 5 === 4) {
      const name = `${ORGANISATION_TOPICS[i % ORGANISATION_TOPICS.length]} ${ORGANISATION_WORDS[i % ORGANISATION_WORDS.length]} ${Math.floor(i / 5) + 1}`;
      organisations.push({ line: `${name}, ${country}` });
    } else {
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
      individuals.push({ line: `${first} ${last} ${i + 1}, ${country}` });
    }
  }
  return { organisations, individuals };
}

/** `count` signature-layout signers, each with a drawn signature (~11 KB PNG), alternating inks. */
export function demoDrawnSigners(count: number): Signer[] {
  return Array.from({ length: count }, (_, i) => {
    const ink = i % 3 === 1 ? "blue" : "black";
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    return {
      line: `${first} ${last}, Director, ${ORGANISATION_TOPICS[i % ORGANISATION_TOPICS.length]} ${ORGANISATION_WORDS[i % ORGANISATION_WORDS.length]} (${COUNTRIES[i % COUNTRIES.length]})`,
      signaturePng: drawFixtureSignature({ seed: 100 + i, ink }),
      ink,
    };
  });
}

/** The demo letter as a full PDF input; override any part for a test or a bench case. */
export function demoLetterPdfInput(overrides: Partial<LetterPdfInput> = {}): LetterPdfInput {
  return {
    content: demoLetterContent,
    pageSize: "A4",
    draft: false,
    logos: [],
    signatories: {
      layout: "signatures",
      heading: "Signatories as of 11 November 2024",
      signers: demoSignatureSigners,
    },
    verification: {
      url: "https://undersigned.example/v/norvania-detainees",
      sha256: "3f9a1c7be2d84f0a6c5e1b9d7a2f4e8c0b6d3a5f7e9c1b2d4f6a8c0e2b4d6f8a",
      label: "Verify this letter and its signatories:",
    },
    metadata: {
      title: demoLetterContent.title,
      subject: "Open letter to the President of the Republic of Norvania",
      author: "Free Press Watch; Civic Rights Centre",
      language: "en",
      creationDate: new Date("2024-11-11T10:00:00Z"),
    },
    ...overrides,
  };
}
