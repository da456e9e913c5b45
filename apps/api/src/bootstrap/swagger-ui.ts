import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, any>;

/**
 * The document Swagger UI shows: the exact one, except that `Idempotency-Key` may be left empty
 * (Swagger UI refuses to send a request with an empty required field; the request interceptor
 * then sends a fresh UUID, so a second "Execute" is a new request, not a replay).
 */
export function swaggerUiDocument(document: OpenAPIObject): OpenAPIObject {
  const copy = structuredClone(document) as Json;
  for (const item of Object.values<Json>(copy.paths)) {
    for (const operation of Object.values<Json>(item)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'header' && parameter.name === 'Idempotency-Key') parameter.required = false;
      }
    }
  }
  return copy as OpenAPIObject;
}

/** Paths (as regular expressions) of the operations that take an Idempotency-Key. */
export function idempotentPathPatterns(document: OpenAPIObject): string[] {
  const patterns: string[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths)) {
    for (const operation of Object.values<Json>(item)) {
      if ((operation.parameters ?? []).some((parameter: Json) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')) {
        patterns.push(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      }
    }
  }
  return [...new Set(patterns)];
}

export function swaggerUiOptions(document: OpenAPIObject): Json {
  // Serialised into swagger-ui-init.js as source text, so built from a string (no closure).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built from our own constant text, run in the browser
  const requestInterceptor = new Function(
    'request',
    `var patterns = ${JSON.stringify(idempotentPathPatterns(document))};
    var path = new URL(request.url, window.location.href).pathname;
    var has = Object.keys(request.headers || {}).some(function (name) {
      return name.toLowerCase() === 'idempotency-key' && String(request.headers[name]).trim() !== '';
    });
    if (!has && request.method !== 'GET' && patterns.some(function (pattern) { return new RegExp(pattern).test(path); })) {
      var uuid = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() :
        'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
          var r = (Math.random() * 16) | 0; return (c === 'x' ? r : (r & 3) | 8).toString(16);
        });
      request.headers = request.headers || {};
      request.headers['Idempotency-Key'] = uuid;
    }
    return request;`,
  );
  return {
    persistAuthorization: true,
    filter: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    requestInterceptor,
  };
}
