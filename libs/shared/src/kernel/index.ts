// The kernel's pure entry (`@congocart/shared/kernel`): what domain code may use. Plain TypeScript,
// no Nest, TypeORM, pg, Redis or pino behind it; dependency-cruiser checks that transitively.
export * from '../errors/domain-error';
export * from '../money/money-amount';
export * from '../paging/page-types';
export * from './country-codes';
export * from './uuid';
