import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@congocart/catalog';
import { InventoryModule } from '@congocart/inventory';
import { PricingModule } from '@congocart/pricing';
import { CartController } from './api/cart.controller';
import { GuestCartsController } from './api/guest-carts.controller';
import { AddCartItem } from './application/add-cart-item.use-case';
import { ApplyPromotionCode } from './application/apply-promotion-code.use-case';
import { RemovePromotionCode } from './application/remove-promotion-code.use-case';
import { CartAccess } from './application/cart-access';
import { CartPricing } from './application/cart-pricing';
import { ListShippingOptions } from './application/list-shipping-options.use-case';
import { SetCartDestination } from './application/set-cart-destination.use-case';
import { CartRepository } from './application/cart.repository';
import { ChangeCartItemQuantity } from './application/change-cart-item-quantity.use-case';
import { CheckoutCart } from './application/checkout-cart.port';
import { CheckoutCartService } from './application/checkout-cart.service';
import { CreateGuestCart } from './application/create-guest-cart.use-case';
import { EmptyCart } from './application/empty-cart.use-case';
import { ExpireGuestCarts } from './application/expire-guest-carts.use-case';
import { GetCart } from './application/get-cart.use-case';
import { MergeGuestCart } from './application/merge-guest-cart.use-case';
import { RemoveCartItem } from './application/remove-cart-item.use-case';
import { VariantFactsLookup } from './application/variant-facts.lookup';
import { CartConfig } from './cart.config';
import { CartItemEntity } from './infrastructure/cart-item.entity';
import { CartEntity } from './infrastructure/cart.entity';
import { GuestCartExpiryTask } from './infrastructure/guest-cart-expiry.task';
import { TypeOrmCartRepository } from './infrastructure/typeorm-cart.repository';

@Module({
  imports: [TypeOrmModule.forFeature([CartEntity, CartItemEntity]), CatalogModule, InventoryModule, PricingModule],
  controllers: [CartController, GuestCartsController],
  providers: [
    { provide: CartConfig, useFactory: () => new CartConfig() },
    { provide: CartRepository, useClass: TypeOrmCartRepository },
    { provide: CheckoutCart, useClass: CheckoutCartService },
    CartAccess,
    CartPricing,
    ApplyPromotionCode,
    RemovePromotionCode,
    SetCartDestination,
    ListShippingOptions,
    VariantFactsLookup,
    GetCart,
    AddCartItem,
    ChangeCartItemQuantity,
    RemoveCartItem,
    EmptyCart,
    CreateGuestCart,
    MergeGuestCart,
    ExpireGuestCarts,
    GuestCartExpiryTask,
  ],
  exports: [CheckoutCart, ExpireGuestCarts],
})
export class CartModule {}
