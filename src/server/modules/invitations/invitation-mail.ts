import nodemailer from "nodemailer";
import type { Config } from "#server/config.ts";

export type MailMessage = { to: string; subject: string; text: string };

/** Sends email; absent when SMTP is not configured, in which case links are only shown. */
export type Mailer = { send(message: MailMessage): Promise<void> };

export function createSmtpMailer(smtp: NonNullable<Config["smtp"]>): Mailer {
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(message) {
      await transport.sendMail({ from: smtp.from, ...message });
    },
  };
}

export function invitationMessage(input: {
  to: string;
  name: string;
  url: string;
  expiresAt: string;
}): MailMessage {
  const expires = new Date(input.expiresAt).toUTCString();
  return {
    to: input.to,
    subject: "You are invited to Trellis",
    text: [
      `Hello ${input.name},`,
      "",
      "You have been invited to Trellis, where you plan and track your career development.",
      "Choose your password with this link (it works once):",
      "",
      input.url,
      "",
      `The link expires on ${expires}.`,
    ].join("\n"),
  };
}
