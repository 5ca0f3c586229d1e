// The demo appeal a fresh install starts with: a formal open letter in the manner of those that
// human-rights organisations send to heads of state. Text written for this project; the
// addressee and the organisations are invented.

export const DEMO_COORDINATOR_EMAIL = "coordinator@example.org";

export const demoAppeal = {
  slug: "release-detained-journalists",
  title: "Open letter: Release the journalists and human-rights defenders detained since March",
  summary:
    "Two human-rights organisations and their partners ask the President to release the journalists and defenders detained since the March protests, and to end their prosecution.",
  organisers: "European Centre for Civic Freedoms\nCaspian Institute for Peace and Democracy",
  language: "en",
  recipient: [
    "M. Étienne DUMONTEL",
    "President of the Republic",
    "Office of the President",
    "12 Avenue de la Constitution",
    "1000 Capital City",
  ].join("\n"),
  place: "Brussels, Baku,",
  letterDate: new Date("2026-11-20T00:00:00Z"),
  salutation: "Dear President Dumontel,",
  body: `We are writing to you on behalf of our organisations, and of the organisations and individuals who have joined this letter, about the journalists and human-rights defenders who have been held in pre-trial detention since the protests of **14 and 15 March**.

Eight months on, at least twenty-three people remain in custody. Most of them were arrested while *reporting on* or *observing* peaceful assemblies. Their lawyers have been denied access to the case files, and several of the detained, among them the reporter Günay Əliyeva and the lawyer Elşən Həsənov, have reported ill-treatment that has not been investigated.

Your government has repeatedly stated its commitment to freedom of expression and to the rule of law. We believe that these commitments can only be credible if they are followed by action. We therefore respectfully call on you to:

1. Release, immediately and unconditionally, every journalist and human-rights defender detained for their peaceful work, and drop the charges against them;
2. Ensure that, pending their release, all detainees have regular access to their lawyers, their families and the medical care they need;
3. Order a prompt, independent and impartial investigation into every allegation of ill-treatment in custody;
4. Invite the UN Special Rapporteur on the situation of human rights defenders to visit the country, as requested since 2024.

The report on which this letter is based is available at [our joint documentation page](https://example.org/report-march-detentions). We would welcome the opportunity to discuss these concerns with your office, and we remain at your disposal for any further information.`,
  closing: "Sincerely,",
} as const;

type DemoSigner = {
  kind: "ORGANISATION" | "INDIVIDUAL";
  name: string;
  role: string;
  organisation: string;
  country: string;
  ink?: "BLACK" | "BLUE";
  showName?: boolean;
  showCountry?: boolean;
};

export const demoSigners: DemoSigner[] = [
  { kind: "ORGANISATION", name: "Margot Lefèvre", role: "Director", organisation: "European Centre for Civic Freedoms", country: "BE", ink: "BLUE" },
  { kind: "ORGANISATION", name: "Rəşad Məmmədli", role: "Chair", organisation: "Caspian Institute for Peace and Democracy", country: "AZ", ink: "BLACK" },
  { kind: "ORGANISATION", name: "Zuzana Dvořáková", role: "Executive Director", organisation: "Press Freedom Network Central Europe", country: "CZ" },
  { kind: "ORGANISATION", name: "Aytən Qasımova", role: "Coordinator", organisation: "Women Lawyers for Justice", country: "AZ", showName: false },
  { kind: "INDIVIDUAL", name: "Łukasz Wróblewski", role: "Journalist", organisation: "", country: "PL" },
  { kind: "INDIVIDUAL", name: "İlkin Şükürov", role: "Human-rights defender", organisation: "", country: "AZ", showCountry: false, ink: "BLUE" },
];
