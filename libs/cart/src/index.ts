// The cart context's public surface.
export { CartModule } from './cart.module';
export { CartConfig } from './cart.config';
export { CheckoutCart } from './application/checkout-cart.port';
export type { CartForCheckout } from './application/checkout-cart.port';
// The guest-cart cleanup, for a worker process or an operator to run on demand.
export { ExpireGuestCarts } from './application/expire-guest-carts.use-case';
