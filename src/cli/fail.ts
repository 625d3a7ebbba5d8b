/**
 * Start-up failures: one clear line on stderr, no stack trace, exit code 1. A bad setting
 * (`config`) or a service that cannot be reached at start (`transport`) is the operator's
 * to fix; anything else is a bug and keeps its stack trace.
 */
import { AppError } from '../domain/errors.ts';

export function exitWithConfigError(err: unknown): never {
  if (err instanceof AppError && (err.kind === 'config' || err.kind === 'transport')) {
    process.stderr.write(`shouhou: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
