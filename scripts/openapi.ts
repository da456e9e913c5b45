import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { EnvReader, PlatformConfig } from '@congocart/shared';
import { createApp } from '../apps/api/src/bootstrap/create-app';
import { buildOpenApiDocument } from '../apps/api/src/bootstrap/swagger';

const CLIENT_SCHEMA = 'clients/typescript/src/schema.ts';

/**
 * Writes openapi.json from the decorators without a running server or database (the module
 * graph is built in preview mode, so no provider and no connection is created), and the typed
 * client's types generated from it. `--check` fails when either committed file differs (CI).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const config = new PlatformConfig(
    new EnvReader({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      CURSOR_SECRET: 'openapi-export-does-not-sign-anything-0123456789',
      // Nothing is sealed while exporting the document.
      SEALING_KEY: '0'.repeat(64),
    }),
  );
  process.env.JWT_SECRET ??= 'openapi-export-does-not-sign-anything-0123456789';
  const app = await createApp({ config, databaseUrl: 'postgres://unused@127.0.0.1:1/unused', preview: true });
  const openApi = buildOpenApiDocument(app);
  await app.close();
  const files: [string, string][] = [
    ['openapi.json', `${JSON.stringify(openApi, null, 2)}\n`],
    [CLIENT_SCHEMA, await clientSchema(openApi)],
  ];
  if (check) {
    const stale = files.filter(([path, content]) => read(path) !== content).map(([path]) => path);
    if (stale.length) {
      console.error(`${stale.join(' and ')} out of date: run \`npm run openapi\` and commit the result.`);
      process.exit(1);
    }
    console.log('openapi.json and the typed client are up to date.');
    return;
  }
  for (const [path, content] of files) writeFileSync(path, content);
  console.log(`Wrote ${files.map(([path]) => path).join(' and ')}`);
}

async function clientSchema(document: object): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: true });
  return `// Generated from openapi.json by \`npm run openapi\` (openapi-typescript): do not edit.\n\n${astToString(ast)}`;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
