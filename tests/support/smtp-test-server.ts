// A real SMTP server (the smtp-server package) on a free port: checks AUTH, records every message and parses it
// with mailparser; can be told to refuse the next recipient or message with a given reply.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedSmtpMessage = { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail; user: string | undefined };
type Refusal = { code: number; message: string };

function refusal({ code, message }: Refusal): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpTestServer({ username, password }: { username: string; password: string }) {
  const received: ReceivedSmtpMessage[] = [];
  let refuseNextRcpt: Refusal | null = null;
  let refuseNextData: Refusal | null = null;
  const server = new SMTPServer({
    logger: false,
    // Plain TCP: TLS is nodemailer's business and is not what these tests are about.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    onAuth(auth, _session, cb) {
      if (auth.username === username && auth.password === password) return cb(null, { user: username });
      cb(refusal({ code: 535, message: "5.7.8 Authentication credentials invalid" }));
    },
    onRcptTo(_address, _session, cb) {
      if (refuseNextRcpt) {
        const r = refuseNextRcpt;
        refuseNextRcpt = null;
        return cb(refusal(r));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (refuseNextData) {
          const r = refuseNextData;
          refuseNextData = null;
          return cb(refusal(r));
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push({ envelope, raw, parsed: await simpleParser(raw), user: session.user as string | undefined });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    received,
    refuseNextRecipient(code: number, message: string) {
      refuseNextRcpt = { code, message };
    },
    refuseNextMessage(code: number, message: string) {
      refuseNextData = { code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
