/**
 * An SMTP server that accepts and counts every message, in a process of its own so the outbox
 * benchmark measures Trellis's side: prints its port, then the count on SIGTERM.
 */
import { SMTPServer } from "smtp-server";

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received++;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => {
  process.stdout.write(`${received}\n`);
  server.close(() => process.exit(0));
});
