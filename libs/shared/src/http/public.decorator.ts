import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'congocart:isPublic';

/** Every route is private by default; this opts one out of authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
