import QRCode from "qrcode";

/** A black-on-white QR code PNG for the verification page, large enough to print sharply at 18 mm. */
export function verificationQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 0, scale: 6 });
}
