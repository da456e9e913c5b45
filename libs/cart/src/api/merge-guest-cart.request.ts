import { StringField, UuidField } from '@congocart/shared';

export class MergeGuestCartRequest {
  @UuidField({ description: 'The guest cart’s id (from POST /carts)', example: '6d1c9a52-1f0e-4d3b-8a47-9e2b5c7f1a03' })
  cartId: string;

  @StringField({
    maxLength: 64,
    minLength: 1,
    description: 'The guest cart’s token (from POST /carts)',
    example: 'q5bO1m3W0vXn2hP8yJk4tR6uZc9aLs7dEf0gHiJkLmN',
  })
  token: string;
}
