import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * An SMTP server in the test process: it keeps every mail it accepts, and answers the next mails
 * with the SMTP codes queued in `refuseNext` (451: try later; 550: refused for good).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly refuseNext: number[] = [];
  /** Set to hold the answer to the next mail: the mail counts as received only if its client is still there when `release` answers 250. */
  holdNext = false;
  held: { release(): void; clientGone(): boolean } | null = null;
  private readonly closedSessions = new Set<string>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose: (session) => this.closedSessions.add(session.id),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const code = this.refuseNext.shift();
        if (code) {
          const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });
          callback(error);
          return;
        }
        const accept = () => {
          // A client that went away before the 250 never had its mail accepted (RFC 5321 §4.1.1.4).
          if (!this.closedSessions.has(session.id))
            this.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        };
        if (this.holdNext) {
          this.holdNext = false;
          this.held = { release: accept, clientGone: () => this.closedSessions.has(session.id) };
          return;
        }
        accept();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The names of a raw message's attachments (its `Content-Disposition: attachment` parts). */
export function attachmentNames(raw: string): string[] {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  return [...unfolded.matchAll(/Content-Disposition: attachment;\s*filename="?([^";\r\n]+)"?/gi)].map((match) => match[1]!);
}

/** A raw message with its quoted-printable soft breaks and escapes undone, enough to find a link or a phrase. */
export function readableText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (escapes) => Buffer.from(escapes.replace(/=/g, ''), 'hex').toString('utf8'));
}

export function headerOf(raw: string, name: string): string | undefined {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(unfolded)?.[1]?.trim();
}
