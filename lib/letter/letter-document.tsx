import { Document, Image, Page, Text, View } from "@react-pdf/renderer";
import { letterDirection } from "@/lib/markdown/letter-markdown";
import type { HyphenationCallback } from "./hyphenation";
import { PdfBody } from "./pdf-body";
import { DraftWatermark, PageNumber, VerificationFooter } from "./pdf-page-furniture";
import { PdfSignatories } from "./pdf-signatories";
import { type Style, fontStack, mm, styles } from "./pdf-styles";
import type { LetterPdfInput } from "./types";

export interface LetterDocumentProps {
  input: LetterPdfInput;
  /** Prepared ahead because the document renders synchronously (render-letter.ts does it). */
  qrPng: Buffer | null;
  hyphenate: HyphenationCallback;
}

/** The signed letter, laid out per docs LETTER-FORMAT.md. */
export function LetterDocument({ input, qrPng, hyphenate }: LetterDocumentProps) {
  const { content, metadata } = input;
  const rtl = letterDirection(content.language) === "rtl";
  const direction: Style = rtl ? { direction: "rtl", textAlign: "right" } : {};
  const recipient = content.recipient
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
  return (
    <Document
      title={metadata.title}
      subject={metadata.subject}
      author={metadata.author}
      language={metadata.language}
      creationDate={metadata.creationDate}
      creator="Undersigned"
      producer="Undersigned"
    >
      <Page size={input.pageSize} style={[styles.page, { fontFamily: fontStack(rtl) }]}>
        {input.draft && <DraftWatermark />}
        <View style={styles.content}>
          {input.logos.length > 0 && (
            <View style={[styles.logos, rtl ? { flexDirection: "row-reverse" } : {}]}>
              {input.logos.map((logo, i) => (
                <Image
                  key={i}
                  src={{ data: logo.data, format: logo.mimeType === "image/png" ? "png" : "jpg" }}
                  style={[styles.logo, i > 0 ? (rtl ? { marginRight: 18 } : { marginLeft: 18 }) : {}]}
                />
              ))}
            </View>
          )}
          {recipient ? <Text style={[styles.recipient, direction]}>{recipient}</Text> : null}
          <Text style={[styles.placeDate, rtl ? { direction: "rtl", textAlign: "left" } : {}]}>
            {[content.place, content.dateText].filter(Boolean).join("\n")}
          </Text>
          <Text style={[styles.subject, direction]}>{content.title}</Text>
          {content.salutation ? <Text style={[styles.salutation, direction]}>{content.salutation}</Text> : null}
          <PdfBody blocks={content.body} hyphenate={hyphenate} rtl={rtl} />
          {/* Kept with the first signatures: a closing alone at the foot of a page reads as unsigned. */}
          {content.closing ? (
            <Text style={[styles.closing, direction]} minPresenceAhead={mm(28)}>
              {content.closing}
            </Text>
          ) : null}
          <PdfSignatories signatories={input.signatories} rtl={rtl} />
          {input.verification && (
            <View style={{ marginTop: "auto" }}>
              <VerificationFooter verification={input.verification} qrPng={qrPng} rtl={rtl} />
            </View>
          )}
        </View>
        <PageNumber />
      </Page>
    </Document>
  );
}
