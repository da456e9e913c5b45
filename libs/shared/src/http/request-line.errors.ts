import { DomainError } from '../errors/domain-error';

/** A path the router cannot decode (a broken %-escape). */
export class MalformedUrlError extends DomainError {
  readonly code = 'MALFORMED_URL';
  readonly status = 400;
  constructor() {
    super('The URL could not be decoded: check its %-escapes.');
  }
}

/** A path segment longer than the router accepts (ids and slugs are far shorter). */
export class UriTooLongError extends DomainError {
  readonly code = 'URI_TOO_LONG';
  readonly status = 414;
  constructor() {
    super('A path segment of the URL is too long.');
  }
}
