import type { HttpResponse } from './http-client';

/** A problem+json response with the status, the code, the request id and the security headers. */
export function expectProblemWithHeaders(response: HttpResponse, status: number, code?: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code: code ?? expect.any(String) });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.traceId).toBe(response.headers.get('x-request-id'));
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toBeTruthy();
}
