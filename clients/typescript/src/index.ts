import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths, webhooks } from './schema';

export type { components, operations, paths, webhooks };
/** Every schema of openapi.json by name, e.g. `Schemas['OrderResponse']`. */
export type Schemas = components['schemas'];
/** An RFC 9457 problem, as every error response carries it. */
export type Problem = Schemas['ProblemDto'];

/**
 * A typed client of the CongoCart API (openapi-fetch over the types generated from
 * openapi.json): paths, parameters, bodies, responses and problem codes are checked at compile time.
 *
 *   const api = createCongoCartClient({ baseUrl: 'https://shop.example.com' });
 *   const { data, error } = await api.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: 'linen-shirt' } } });
 */
export function createCongoCartClient(options: ClientOptions = {}) {
  return createClient<paths>(options);
}

export type CongoCartClient = ReturnType<typeof createCongoCartClient>;
