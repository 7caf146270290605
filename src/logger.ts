// The process's logger. What users write, and who they are, stays out of logs at every level:
// message fields are redacted and conversation ids replaced by a keyed hash.
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { pseudonym } from './core/pseudonym.ts';

export function createLogger(config: Config, destination?: pino.DestinationStream): Logger {
  // Without a configured salt (development), a per-process one still keeps raw ids out of logs.
  const salt = config.LOG_SALT ?? randomBytes(16).toString('hex');
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    serializers: { conversation: (id: unknown) => (typeof id === 'string' ? pseudonym(id, salt) : id) },
    redact: {
      paths: ['text', '*.text', 'message', 'media', '*.media', 'ref', '*.ref', '*.message.text', 'payload.text', 'req.body', 'body', 'user', 'key.user', '*.key.user'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
