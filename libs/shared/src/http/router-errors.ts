import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../errors/problem.filter';
import { MalformedUrlError, UriTooLongError } from './request-line.errors';

/** Adds the headers every response carries (request id, security headers) to a raw reply. */
export type ResponseDecorator = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * Fastify's `frameworkErrors`: the router rejects a malformed URL (400) or an over-long path
 * parameter (414) before any hook runs; answer them as problems with the usual headers.
 */
export function routerErrorHandler(decorate: ResponseDecorator) {
  return (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void => {
    decorate(request, reply);
    const problem =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new UriTooLongError()
        : error.code === 'FST_ERR_BAD_URL'
          ? new MalformedUrlError()
          : error;
    sendProblem(problem, request, reply);
  };
}
