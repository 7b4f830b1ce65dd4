// Structured logs. Secrets and personal data never reach a log line: known keys are redacted and
// phone-number-like digits are masked in messages.
import pino, { type Logger } from 'pino';

export type { Logger };

const redactPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'phone',
  '*.phone',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

const phoneLike = /(\+?86)?1[3-9]\d{9}/g;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? a.replace(phoneLike, '[phone]') : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
