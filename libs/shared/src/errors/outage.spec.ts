import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseOutage } from './outage';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseOutage', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a server shutting down (57P01)', wrapped(withCode('57P01'))],
    ['a connection exception (class 08)', wrapped(withCode('08006'))],
    ['a pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['a statement on a transaction whose connection died under it', new QueryRunnerProviderAlreadyReleasedError()],
    ['a COMMIT on a transaction whose connection died under it', new QueryRunnerAlreadyReleasedError()],
  ])('counts %s as an outage', (_name, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(withCode('23505'))],
    ['a syntax error', wrapped(withCode('42601'))],
    ['a plain bug', new TypeError('x is undefined')],
  ])('does not count %s as an outage', (_name, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
