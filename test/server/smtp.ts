/**
 * A real SMTP server in-process (the smtp-server package) that keeps every mail it receives, parsed by mailparser:
 * what the reminder tests read. `reject` makes it refuse the next mails (550) to test a failed send.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  reject: { count: number };
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const reject = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
      if (reject.count > 0) {
        reject.count--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 })));
        return;
      }
      simpleParser(stream).then(
        (m) => {
          mails.push({ to, from, subject: m.subject ?? "", text: m.text ?? "" });
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    reject,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
