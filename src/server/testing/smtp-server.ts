import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for tests: it receives what the delivery worker sends and
 * parses every message with mailparser. `refuseNext(n)` answers the next n messages with a
 * temporary failure (451), as a server under load or greylisting would.
 */
export type TestSmtpServer = {
  url: string;
  received: ParsedMail[];
  /** Raw envelope recipients, one entry per accepted message. */
  envelopes: string[][];
  refuseNext(count: number): void;
  /** Refused messages so far. */
  refused(): number;
  /** Waits until at least `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  let toRefuse = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (toRefuse > 0) {
          toRefuse--;
          refusedCount++;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push(mail);
            envelopes.push(session.envelope.rcptTo.map((to) => to.address));
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    envelopes,
    refuseNext: (count) => {
      toRefuse = count;
    },
    refused: () => refusedCount,
    async waitFor(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header as it arrived, unfolded ("List-Unsubscribe: <…>"). */
export function headerLine(message: ParsedMail | undefined, key: string): string | undefined {
  return message?.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, " ");
}
