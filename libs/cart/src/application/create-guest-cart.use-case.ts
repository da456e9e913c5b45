import { Injectable } from '@nestjs/common';
import { GuestCartToken } from '../domain/guest-cart-token';
import { CartRepository } from './cart.repository';

/** Opens an anonymous cart; the token is returned once and only its hash is kept. */
@Injectable()
export class CreateGuestCart {
  constructor(private readonly carts: CartRepository) {}

  async execute(): Promise<{ id: string; token: string }> {
    const { token, hash } = GuestCartToken.generate();
    const id = await this.carts.createGuestCart(hash);
    return { id, token };
  }
}
