import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClusterNotifications, RedisConnection } from '@congocart/shared';
import { InventoryModule } from '@congocart/inventory';
import { AdminCategoriesController } from './api/admin-categories.controller';
import { AdminProductsController } from './api/admin-products.controller';
import { AdminVariantsController } from './api/admin-variants.controller';
import { CategoriesController } from './api/categories.controller';
import { ProductsController } from './api/products.controller';
import { AddVariant } from './application/add-variant.use-case';
import { ArchiveProduct } from './application/archive-product.use-case';
import { CatalogCache } from './application/catalog-cache.port';
import { CatalogCacheInvalidation } from './application/catalog-cache-invalidation';
import { CategoryRepository } from './application/category-repository.port';
import { CreateCategory } from './application/create-category.use-case';
import { CreateProduct } from './application/create-product.use-case';
import { DeleteCategory } from './application/delete-category.use-case';
import { GetAdminProduct } from './application/get-admin-product.use-case';
import { GetProduct } from './application/get-product.use-case';
import { ListAdminProducts } from './application/list-admin-products.use-case';
import { ListCategories } from './application/list-categories.use-case';
import { ListProducts } from './application/list-products.use-case';
import { ProductListing } from './application/product-listing.port';
import { ProductRepository } from './application/product-repository.port';
import { UpdateCategory } from './application/update-category.use-case';
import { UpdateProduct } from './application/update-product.use-case';
import { UpdateVariant } from './application/update-variant.use-case';
import { VariantCatalog } from './application/variant-catalog.port';
import { CatalogConfig } from './catalog.config';
import { CategoryEntity } from './infrastructure/category.entity';
import { ClusterCatalogCache } from './infrastructure/cluster-catalog-cache';
import { MemoryCatalogCache } from './infrastructure/memory-catalog-cache';
import { ProductEntity } from './infrastructure/product.entity';
import { ProductVariantEntity } from './infrastructure/product-variant.entity';
import { RedisCatalogCache } from './infrastructure/redis-catalog-cache';
import { SqlProductListing } from './infrastructure/sql-product-listing';
import { SqlVariantCatalog } from './infrastructure/sql-variant-catalog';
import { TypeOrmCategoryRepository } from './infrastructure/typeorm-category.repository';
import { TypeOrmProductRepository } from './infrastructure/typeorm-product.repository';

/** Shared through Redis when REDIS_URL is set; otherwise in-process, dropped on every instance through cluster notifications. */
function catalogCache(config: CatalogConfig, redis: RedisConnection, cluster: ClusterNotifications): CatalogCache {
  if (config.cacheTtlMs <= 0) return new MemoryCatalogCache(0, 0);
  if (redis.client) return new RedisCatalogCache(redis.client, config.cacheTtlMs);
  return new ClusterCatalogCache(new MemoryCatalogCache(config.cacheTtlMs, config.cacheMaxEntries), cluster);
}

@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, ProductEntity, ProductVariantEntity]), InventoryModule],
  controllers: [ProductsController, CategoriesController, AdminProductsController, AdminVariantsController, AdminCategoriesController],
  providers: [
    { provide: CatalogConfig, useFactory: () => new CatalogConfig() },
    { provide: CatalogCache, inject: [CatalogConfig, RedisConnection, ClusterNotifications], useFactory: catalogCache },
    { provide: ProductRepository, useClass: TypeOrmProductRepository },
    { provide: CategoryRepository, useClass: TypeOrmCategoryRepository },
    { provide: ProductListing, useClass: SqlProductListing },
    { provide: VariantCatalog, useClass: SqlVariantCatalog },
    CatalogCacheInvalidation,
    ListProducts,
    GetProduct,
    ListCategories,
    ListAdminProducts,
    GetAdminProduct,
    CreateProduct,
    UpdateProduct,
    ArchiveProduct,
    AddVariant,
    UpdateVariant,
    CreateCategory,
    UpdateCategory,
    DeleteCategory,
  ],
  exports: [VariantCatalog],
})
export class CatalogModule {}
