import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '@congocart/shared';
import { completeContract } from './openapi-contract';
import { swaggerUiDocument, swaggerUiOptions } from './swagger-ui';

/** In the order a person meets them: shopper → account → admin → operations. */
export const API_TAGS: [string, string][] = [
  ['catalog', 'Products and categories for shoppers'],
  ['guest-carts', 'Anonymous carts, held by their token (Authorize: cartToken)'],
  ['cart', 'The signed-in customer’s cart'],
  ['checkout', 'Turning a cart into an order'],
  ['guest-checkout', 'Turning a guest cart into an order, without an account'],
  ['guest-orders', 'A guest’s order, held by its order token'],
  ['orders', 'The customer’s orders and payments'],
  ['auth', 'Registration, sign-in and sessions'],
  ['me', 'The signed-in user'],
  ['admin-catalog', 'Catalog administration (admin)'],
  ['admin-inventory', 'Stock levels and adjustments (staff, admin)'],
  ['admin-orders', 'Order handling (staff, admin)'],
  ['admin-pricing', 'Shipping methods and tax rates (admin)'],
  ['admin-users', 'User administration (admin)'],
  ['admin-webhooks', 'Outgoing webhook endpoints and deliveries (admin)'],
  ['admin-jobs', 'Background job queues (admin)'],
  ['payments', 'Payment provider webhooks'],
  ['operations', 'Health and metrics'],
];
const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

export interface OpenApiOptions {
  /** Development: the description names the demo accounts (they exist only outside production). */
  demoAccounts?: { role: string; email: string; password: string }[];
}

export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions = {}): OpenAPIObject {
  const demo = options.demoAccounts?.length
    ? '\n\n**Demo accounts** (development only): ' +
      options.demoAccounts.map((account) => `${account.role} \`${account.email}\` / \`${account.password}\``).join(', ') +
      '. Sign in with `POST /api/v1/auth/login`, then **Authorize** with the `accessToken`.'
    : '';
  const builder = new DocumentBuilder()
    .setTitle('CongoCart API')
    .setDescription(
      'Commerce REST API: catalog, inventory, cart, checkout, orders and payments. ' +
        'Errors are RFC 9457 application/problem+json; money is integer minor units.' +
        demo,
    )
    .setVersion('1.0.0')
    .setContact('CongoCart engineering', 'https://congocart.dev', 'engineering@congocart.dev')
    .setLicense('Proprietary', 'https://congocart.dev/license')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  const complete = completeContract(document) as OpenAPIObject & { paths: Record<string, Record<string, unknown>> };
  complete.tags = orderedTags(complete);
  const sorted = sortKeys(complete) as typeof complete;
  // Paths keep the controllers' order (list, read, create, change, delete), methods a fixed one:
  // that is the order Swagger UI shows within a tag.
  sorted.paths = Object.fromEntries(
    Object.keys(complete.paths).map((path) => [
      path,
      Object.fromEntries(Object.entries(sorted.paths[path]).sort(([a], [b]) => rank(METHOD_ORDER, a) - rank(METHOD_ORDER, b))),
    ]),
  );
  return sorted;
}

export function mountSwaggerUi(app: INestApplication, document: OpenAPIObject): void {
  const uiDocument = swaggerUiDocument(document);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'CongoCart API',
    swaggerOptions: swaggerUiOptions(document),
    // The UI gets its variant; docs-json and docs-yaml serve the exact document.
    patchDocumentOnRequest: <Request>(request: Request) =>
      String((request as { url?: string }).url ?? '').includes('swagger-ui-init.js') ? uiDocument : document,
  });
}

/** Known tags in API_TAGS order; a tag added later goes to its group (admin-* with admin, others with shoppers). */
function orderedTags(document: OpenAPIObject): { name: string; description?: string }[] {
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, { tags?: string[] }>)) operation.tags?.forEach((tag) => used.add(tag));
  }
  const known = API_TAGS.map(([name]) => name);
  const group = (name: string) =>
    name.startsWith('admin-') ? 2 : name === 'payments' || name === 'operations' ? 3 : ['auth', 'me'].includes(name) ? 1 : 0;
  return [...new Set([...known, ...used])]
    .filter((name) => used.has(name))
    .sort((a, b) => group(a) - group(b) || rank(known, a) - rank(known, b) || a.localeCompare(b))
    .map((name) => {
      const description = API_TAGS.find(([tag]) => tag === name)?.[1];
      return description ? { name, description } : { name };
    });
}

function rank(list: string[], value: string): number {
  const index = list.indexOf(value);
  return index < 0 ? list.length : index;
}

/** Stable key order so the committed openapi.json diffs cleanly. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
