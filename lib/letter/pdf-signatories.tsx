import { Image, Text, View } from "@react-pdf/renderer";
import { type LetterSignatories, printedSigners, type Signer } from "./types";
import { type Style, styles } from "./pdf-styles";

// Measured: pagination cost follows the number of nodes, so long lists go out as a few large
// newline-joined texts rather than one node per signer.
const LIST_CHUNK = 200;

export function PdfSignatories({ signatories, rtl }: { signatories: LetterSignatories; rtl: boolean }) {
  const direction: Style = rtl ? { direction: "rtl" } : {};
  if (printedSigners(signatories).length === 0) return null;
  // The coordinator's order as it is: grouping is for the list layout only.
  if (signatories.layout === "signatures") return <SignatureBlocks signers={signatories.signers} rtl={rtl} />;
  const { organisations, individuals, groupHeadings } = signatories;
  const groups = [
    { label: groupHeadings?.organisations, signers: organisations },
    { label: groupHeadings?.individuals, signers: individuals },
  ].filter((group) => group.signers.length > 0);
  return (
    <View>
      {/* minPresenceAhead keeps the heading off the foot of a page whose list starts overleaf. */}
      <Text style={[styles.listHeading, direction]} minPresenceAhead={48}>
        {signatories.heading}
      </Text>
      {groups.map((group, g) => (
        <View key={g} style={g > 0 ? { marginTop: 8 } : {}}>
          {group.label ? (
            <Text style={[styles.groupHeading, direction]} minPresenceAhead={36}>
              {group.label}
            </Text>
          ) : null}
          {chunk(group.signers, LIST_CHUNK).map((signers, c) => (
            <Text key={c} style={[styles.signerList, direction]}>
              {signers.map((signer) => signer.line).join("\n")}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Two signers a row, each row unbreakable: a signature never straddles a page break. */
function SignatureBlocks({ signers, rtl }: { signers: Signer[]; rtl: boolean }) {
  const direction: Style = rtl ? { direction: "rtl", textAlign: "right" } : {};
  return (
    <View>
      {chunk(signers, 2).map((pair, r) => (
        <View key={r} wrap={false} style={[styles.signatureRow, rtl ? { flexDirection: "row-reverse" } : {}]}>
          {pair.map((signer, i) => (
            <View key={i} style={styles.signatureBlock}>
              <Text style={[styles.signatureLine, direction]}>{signer.line}</Text>
              {signer.signaturePng && (
                <Image
                  src={{ data: signer.signaturePng, format: "png" }}
                  style={[styles.signatureImage, rtl ? { alignSelf: "flex-end", objectPositionX: "100%" } : { objectPositionX: "0%" }]}
                />
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
