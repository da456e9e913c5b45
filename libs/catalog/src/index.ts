// The catalog context's public surface.
export { CatalogModule } from './catalog.module';
export { VariantCatalog } from './application/variant-catalog.port';
