import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from '@congocart/shared';

export const API_TAGS: [string, string][] = [
  ['auth', 'Registration, sign-in and sessions'],
  ['me', 'The signed-in user'],
  ['admin-users', 'User administration (admin)'],
  ['catalog', 'Products and categories for shoppers'],
  ['admin-catalog', 'Catalog administration (admin)'],
  ['admin-inventory', 'Stock levels and adjustments (staff, admin)'],
  ['cart', 'The signed-in customer’s cart'],
  ['guest-carts', 'Anonymous carts, held by their token'],
  ['checkout', 'Turning a cart into an order'],
  ['guest-checkout', 'Turning a guest cart into an order, without an account'],
  ['guest-orders', 'A guest’s order, held by its order token'],
  ['orders', 'The customer’s orders and payments'],
  ['admin-orders', 'Order handling (staff, admin)'],
  ['payments', 'Payment provider webhooks'],
  ['operations', 'Health and metrics'],
];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('CongoCart API')
    .setDescription(
      'Commerce REST API: catalog, inventory, cart, checkout, orders and payments. ' +
        'Errors are RFC 9457 application/problem+json; money is integer minor units.',
    )
    .setVersion('1.0.0')
    .setContact('CongoCart engineering', 'https://congocart.dev', 'engineering@congocart.dev')
    .setLicense('Proprietary', 'https://congocart.dev/license')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer');
  for (const [name, description] of API_TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return sortKeys(document) as OpenAPIObject;
}

export function mountSwaggerUi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'CongoCart API',
    swaggerOptions: { persistAuthorization: true },
  });
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
