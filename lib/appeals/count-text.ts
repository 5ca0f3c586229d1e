const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "41 organisations and 112 individuals have signed", grammatical for every count. */
export function signedCountText(organisations: number, individuals: number): string {
  const total = organisations + individuals;
  if (total === 0) return "No one has signed yet.";
  const parts = [
    organisations ? plural(organisations, "organisation", "organisations") : null,
    individuals ? plural(individuals, "individual", "individuals") : null,
  ].filter(Boolean);
  return `${parts.join(" and ")} ${total === 1 ? "has" : "have"} signed.`;
}
