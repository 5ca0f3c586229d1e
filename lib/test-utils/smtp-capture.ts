import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server for integration tests: the app's nodemailer transport talks to it over TCP.

export interface CapturedMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** One port per vitest worker, so parallel workers never share a mailbox. */
export function testSmtpPort(): number {
  return 2600 + Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0);
}

export async function startSmtpCapture(port = testSmtpPort()) {
  const messages: CapturedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    messages,
    to: (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
