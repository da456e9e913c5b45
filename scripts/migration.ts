import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadDotEnv, PlatformConfig, resolveDatabase } from '@congocart/shared';

/**
 * `npm run migration:run | migration:revert | migration:show | migration:generate -- <Name>`
 * against DATABASE_URL, or the embedded database under .data/ when it is unset.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const [command, name] = process.argv.slice(2);
  const database = await resolveDatabase(new PlatformConfig(), (line) => console.log(line));
  try {
    if (command === 'generate') {
      if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('Usage: npm run migration:generate -- <PascalCaseName>');
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          require.resolve('typeorm/cli.js'),
          'migration:generate',
          `migrations/${name}`,
          '-d',
          'libs/shared/src/database/data-source.ts',
          '--pretty',
        ],
        { stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url, TS_NODE_PROJECT: 'tsconfig.json' } },
      );
      process.exitCode = result.status ?? 1;
      return;
    }
    const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    try {
      if (command === 'run') {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
      } else if (command === 'revert') {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
      } else if (command === 'show') {
        const pending = await dataSource.showMigrations();
        console.log(pending ? 'There are pending migrations.' : 'The database is up to date.');
      } else {
        throw new Error('Usage: migration.ts run | revert | show | generate <Name>');
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
