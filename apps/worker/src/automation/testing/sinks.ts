import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One e-mail as a local SMTP server received it. */
export type TReceivedMail = { messageId: string | null; from: string; to: string[]; subject: string; raw: string };

export type TSmtpSink = {
  url: string;
  port: number;
  mails: TReceivedMail[];
  /** While set, every message is refused with this SMTP reply (a mail server having trouble). */
  refuseWith: { code: number; message: string } | null;
  close: () => Promise<void>;
};

function header(raw: string, name: string): string | null {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw);
  return match?.[1] ? match[1].replace(/\r?\n[ \t]+/g, " ").trim() : null;
}

/** A real SMTP server on a free loopback port, keeping what it receives (tests only). */
export async function startSmtpSink(): Promise<TSmtpSink> {
  const sink: TSmtpSink = { url: "", port: 0, mails: [], refuseWith: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (sink.refuseWith) {
          const error = Object.assign(new Error(sink.refuseWith.message), { responseCode: sink.refuseWith.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        sink.mails.push({
          messageId: header(raw, "Message-ID"),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: header(raw, "Subject") ?? "",
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export type TReceivedWebhook = { headers: IncomingHttpHeaders; body: string; signatureValid: boolean };

export type TWebhookSink = {
  url: string;
  received: TReceivedWebhook[];
  /** The status the sink answers with (500 to play a failing receiver). */
  status: number;
  close: () => Promise<void>;
};

/**
 * A receiver that verifies `Gemba-Signature` the way a customer's would: HMAC-SHA256 over
 * "<t>.<raw body>" with the shared secret, constant-time compare, timestamp within 300 s.
 */
export function verifyGembaSignature(secret: string, rawBody: string, signature: string | undefined, now = Date.now()) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature ?? "");
  if (!match?.[1] || !match[2]) return false;
  if (Math.abs(now / 1000 - Number(match[1])) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], "hex"));
}

export async function startWebhookSink(secret: string): Promise<TWebhookSink> {
  const sink: TWebhookSink = { url: "", received: [], status: 200, close: async () => undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = request.headers["gemba-signature"];
      sink.received.push({
        headers: request.headers,
        body,
        signatureValid: verifyGembaSignature(secret, body, typeof signature === "string" ? signature : undefined),
      });
      response.writeHead(sink.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gemba`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
