/** pino to stderr: stdout belongs to the CLI contracts (JSON lines) and the terminal chat. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'shouhou' } }, pino.destination(2));
}
