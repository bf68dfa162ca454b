import nodemailer from "nodemailer";
import type { Config } from "#server/config.ts";

/** One outgoing email as the worker hands it to the transport. */
export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a message sent twice after a crash is recognised as one. */
  messageId: string;
  headers: Record<string, string>;
  /** An iCalendar invitation, sent as a text/calendar alternative with its METHOD. */
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string };
};

export type EmailTransport = {
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
};

/** SMTP through nodemailer, with a small connection pool so delivery is not one-at-a-time. */
export function createSmtpTransport(smtp: NonNullable<Config["smtp"]>): EmailTransport {
  const url = new URL(smtp.url);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "10");
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message) {
      await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers,
        ...(message.icalEvent
          ? {
              icalEvent: {
                method: message.icalEvent.method,
                filename: "invitation.ics",
                content: message.icalEvent.content,
              },
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
