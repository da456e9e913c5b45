import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITIES_GLOB } from './data-source-options';

/** The DataSource of the TypeORM CLI (`npm run migration:*` sets DATABASE_URL first). */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required by the TypeORM CLI (use the npm scripts, which provide one).');

export default new DataSource({ ...dataSourceOptions(url), entities: [ENTITIES_GLOB] });
