import type { PublicSignatory } from "@/lib/appeals/get-public-appeal";

export function SignatoryList({ organisations, individuals }: { organisations: PublicSignatory[]; individuals: PublicSignatory[] }) {
  return (
    <div className="stack">
      {organisations.length > 0 && (
        <section aria-labelledby="sig-orgs">
          <h3 id="sig-orgs">Organisations</h3>
          <ul>
            {organisations.map((s) => (
              <li key={s.id}>{s.line}</li>
            ))}
          </ul>
        </section>
      )}
      {individuals.length > 0 && (
        <section aria-labelledby="sig-people">
          <h3 id="sig-people">Individuals</h3>
          <ul>
            {individuals.map((s) => (
              <li key={s.id}>{s.line}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
