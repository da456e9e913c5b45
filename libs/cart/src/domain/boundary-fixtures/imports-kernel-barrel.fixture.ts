// A deliberate violation, excluded from `npm run lint:boundaries` and cruised on its own by
// apps/api/src/boundaries.spec.ts to prove the rule bites: the barrel drags in Nest, TypeORM, pg, …
import { ConflictError } from '@congocart/shared';

export const fixture = ConflictError;
