import { letterDirection } from "@/lib/markdown/letter-markdown";
import type { LetterContent } from "@/lib/letter/types";
import { LetterBody } from "./letter-body";
import styles from "./letter-sheet.module.css";

/** The letter as it will look on paper, for the editor preview and the public appeal page. */
export function LetterSheet({ content }: { content: LetterContent }) {
  const recipientLines = content.recipient.split(/\r?\n/).filter((line) => line.trim() !== "");
  return (
    <article className={styles.sheet} lang={content.language} dir={letterDirection(content.language)}>
      {recipientLines.length > 0 && <p className={styles.recipient}>{withBreaks(recipientLines)}</p>}
      <p className={styles.placeDate}>{withBreaks([content.place, content.dateText].filter(Boolean))}</p>
      <h2 className={styles.subject}>{content.title}</h2>
      {content.salutation && <p>{content.salutation}</p>}
      <div className={styles.body}>
        <LetterBody blocks={content.body} />
      </div>
      {content.closing && <p className={styles.closing}>{content.closing}</p>}
    </article>
  );
}

function withBreaks(lines: string[]) {
  return lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
}
