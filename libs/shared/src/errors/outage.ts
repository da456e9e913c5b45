/** Node socket errors that mean the database could not be reached or dropped the connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of an unavailable server: admin/crash shutdown, cannot connect now, statement timeout. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);
/** What pg says when the pool or a query gives up waiting, or the connection goes away. */
const DRIVER_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
  'Connection refused',
];

/**
 * TypeORM's answers to a statement or COMMIT on a transaction whose connection died under it (it
 * releases the broken connection, and the transaction's next step finds it gone): the same outage.
 */
const RELEASED_CONNECTION = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

/**
 * True for connection-level database failures (refused or reset connections, SQLSTATE class 08,
 * 57P01–57P03, pool acquire or statement timeouts): an outage to answer with 503, not a bug.
 */
export function isDatabaseOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && RELEASED_CONNECTION.has(name)) return true;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((text) => message.includes(text))) return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
