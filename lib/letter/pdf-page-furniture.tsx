import { Image, Link, Text, View } from "@react-pdf/renderer";
import type { LetterVerification } from "./types";
import { type Style, styles } from "./pdf-styles";

/** "2 / 3" on every page of a multi-page letter; nothing on a one-page letter. */
export function PageNumber() {
  return (
    <Text
      fixed
      style={styles.pageNumber}
      render={({ pageNumber, totalPages }) => (totalPages > 1 ? `${pageNumber} / ${totalPages}` : "")}
    />
  );
}

export function DraftWatermark() {
  return (
    <View fixed style={styles.watermark}>
      <Text style={styles.watermarkText}>Draft</Text>
    </View>
  );
}

/**
 * The verification footer of the last page: the public page's address, the start of the signed
 * text's SHA-256 and a QR code to the page. It ends the content flow, pushed to the page foot.
 */
export function VerificationFooter({
  verification,
  qrPng,
  rtl,
}: {
  verification: LetterVerification;
  qrPng: Buffer | null;
  rtl: boolean;
}) {
  const direction: Style = rtl ? { direction: "rtl", textAlign: "right" } : {};
  return (
    <View wrap={false} style={[styles.verification, rtl ? { flexDirection: "row-reverse" } : {}]}>
      {qrPng && <Image src={{ data: qrPng, format: "png" }} style={rtl ? styles.qrRtl : styles.qr} />}
      <View style={styles.verificationText}>
        <Text style={direction}>
          {verification.label ?? "Verify this letter and its signatories:"}{" "}
          <Link src={verification.url} style={styles.link}>
            {verification.url}
          </Link>
        </Text>
        <Text style={direction}>SHA-256 {verification.sha256.slice(0, 16).toLowerCase()}</Text>
      </View>
    </View>
  );
}
