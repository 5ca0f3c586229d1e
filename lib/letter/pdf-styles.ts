import { StyleSheet, type Styles } from "@react-pdf/renderer";
import { ARABIC_FAMILY, SERIF_FAMILY } from "./fonts";

export type Style = Styles[string];

export const mm = (value: number) => (value * 72) / 25.4;

export const BODY_SIZE = 11;
export const LINE_HEIGHT = 1.35;
export const PARAGRAPH_GAP = 8;
export const PAGE_MARGIN = mm(25);
export const SIGNATURE_WIDTH = mm(45);
export const SIGNATURE_HEIGHT = mm(17);

const INK = "#161616";
const MUTED = "#4a4a4a";
export const LINK_COLOR = "#1a3d8f";

/** Letter-wide font stacks: the first family draws the script, the second fills in what it lacks. */
export const fontStack = (rtl: boolean) => (rtl ? [ARABIC_FAMILY, SERIF_FAMILY] : [SERIF_FAMILY, ARABIC_FAMILY]);

export const styles = StyleSheet.create({
  page: {
    // Amiri's cursive attachment is computed left-to-right by react-pdf and then mirrored, which
    // piles stacked forms (إليكم, على) onto the next word; its joining forms connect without it.
    fontFeatureSettings: { curs: false },
    paddingTop: PAGE_MARGIN,
    paddingBottom: PAGE_MARGIN,
    paddingHorizontal: PAGE_MARGIN,
    fontSize: BODY_SIZE,
    color: INK,
  },
  // lineHeight lives here, not on Page: on Page it blanks every <Text render> (the page numbers).
  content: { fontSize: BODY_SIZE, lineHeight: LINE_HEIGHT, flexGrow: 1 },
  logos: { flexDirection: "row", alignItems: "center", marginBottom: mm(10) },
  logo: { height: mm(14), maxWidth: mm(45), objectFit: "contain" },
  recipient: { marginBottom: mm(9) },
  placeDate: { textAlign: "right", marginBottom: mm(9) },
  subject: { fontWeight: 700, marginBottom: mm(7) },
  salutation: { marginBottom: PARAGRAPH_GAP },
  paragraph: { textAlign: "justify", marginBottom: PARAGRAPH_GAP },
  list: { marginBottom: PARAGRAPH_GAP - 4 },
  listItem: { flexDirection: "row", marginBottom: 4 },
  listMarker: { width: mm(8), paddingRight: mm(2.5), textAlign: "right" },
  listMarkerRtl: { width: mm(8), paddingLeft: mm(2.5), textAlign: "left" },
  listBody: { flex: 1 },
  listParagraph: { textAlign: "justify", marginBottom: 3 },
  link: { color: LINK_COLOR, textDecoration: "underline" },
  closing: { marginTop: 4, marginBottom: mm(8) },
  signatureRow: { flexDirection: "row", justifyContent: "space-between", marginBottom: mm(7) },
  signatureBlock: { width: "47%" },
  signatureLine: { fontSize: 10, lineHeight: 1.3 },
  signatureImage: { width: SIGNATURE_WIDTH, height: SIGNATURE_HEIGHT, marginTop: mm(2), objectFit: "contain" },
  listHeading: { fontWeight: 700, marginTop: mm(4), marginBottom: 6 },
  groupHeading: { fontStyle: "italic", marginTop: 6, marginBottom: 2, fontSize: 10 },
  signerList: { fontSize: 10, lineHeight: 1.4, marginBottom: 4 },
  verification: {
    flexDirection: "row",
    alignItems: "center",
    marginTop: mm(10),
    paddingTop: mm(3),
    borderTopWidth: 0.5,
    borderTopColor: "#b0b0b0",
    fontSize: 8,
    lineHeight: 1.35,
    color: MUTED,
  },
  qr: { width: mm(18), height: mm(18), marginRight: mm(4) },
  qrRtl: { width: mm(18), height: mm(18), marginLeft: mm(4) },
  verificationText: { flex: 1 },
  pageNumber: {
    position: "absolute",
    bottom: mm(12),
    left: PAGE_MARGIN,
    right: PAGE_MARGIN,
    textAlign: "center",
    fontSize: 9,
    color: MUTED,
  },
  watermark: {
    position: "absolute",
    top: 0,
    bottom: 0,
    left: 0,
    right: 0,
    justifyContent: "center",
    alignItems: "center",
  },
  watermarkText: {
    fontSize: 120,
    fontWeight: 700,
    color: "#d9d9d9",
    opacity: 0.6,
    transform: "rotate(-45deg)",
  },
});
