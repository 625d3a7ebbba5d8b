/** Start-up failures: one clear line on stderr, no stack trace, exit code 1. */
import { AppError } from '../app/errors.ts';

export function exitWithConfigError(err: unknown): never {
  if (err instanceof AppError && err.kind === 'config') {
    process.stderr.write(`shouhou: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
