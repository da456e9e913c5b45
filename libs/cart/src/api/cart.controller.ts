import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@congocart/identity';
import { ShippingOptionsResponse } from '@congocart/pricing';
import { ApiProblems, PlatformConfig, UuidParam } from '@congocart/shared';
import { AddCartItem } from '../application/add-cart-item.use-case';
import { ApplyPromotionCode } from '../application/apply-promotion-code.use-case';
import { RemovePromotionCode } from '../application/remove-promotion-code.use-case';
import { ChangeCartItemQuantity } from '../application/change-cart-item-quantity.use-case';
import { EmptyCart } from '../application/empty-cart.use-case';
import { GetCart } from '../application/get-cart.use-case';
import { ListShippingOptions } from '../application/list-shipping-options.use-case';
import { MergeGuestCart } from '../application/merge-guest-cart.use-case';
import { RemoveCartItem } from '../application/remove-cart-item.use-case';
import { SetCartDestination } from '../application/set-cart-destination.use-case';
import { AddCartItemRequest } from './add-cart-item.request';
import { ApplyPromotionCodeRequest } from './apply-promotion-code.request';
import { CartResponse, MergedCartResponse } from './cart.response';
import { ChangeCartItemQuantityRequest } from './change-cart-item-quantity.request';
import { MergeGuestCartRequest } from './merge-guest-cart.request';
import { SetCartDestinationRequest, ShippingOptionsQuery } from './set-cart-destination.request';

/** The signed-in customer's one active cart; every change answers with the whole cart. */
@ApiTags('cart')
@Roles('customer')
@Controller('cart')
export class CartController {
  constructor(
    private readonly getCart: GetCart,
    private readonly addCartItem: AddCartItem,
    private readonly changeCartItemQuantity: ChangeCartItemQuantity,
    private readonly removeCartItem: RemoveCartItem,
    private readonly emptyCart: EmptyCart,
    private readonly mergeGuestCart: MergeGuestCart,
    private readonly setCartDestination: SetCartDestination,
    private readonly listShippingOptions: ListShippingOptions,
    private readonly platform: PlatformConfig,
    private readonly applyPromotionCode: ApplyPromotionCode,
    private readonly removePromotionCode: RemovePromotionCode,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s active cart (created empty on first use), priced now' })
  @ApiOkResponse({ type: CartResponse })
  async get(@CurrentActor() actor: Actor): Promise<CartResponse> {
    return CartResponse.from(await this.getCart.execute({ customerId: actor.userId }));
  }

  @Post('items')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a variant, or more of one already in the cart',
    description:
      'The line may not exceed 99 units (400) nor what is available now (409 INSUFFICIENT_STOCK with `available`). ' +
      'Unknown variant → 404 VARIANT_NOT_FOUND; draft or archived → 409 VARIANT_UNAVAILABLE; a 101st line → 409 CART_FULL.',
  })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, { 404: ['VARIANT_NOT_FOUND'], 409: ['INSUFFICIENT_STOCK', 'VARIANT_UNAVAILABLE', 'CART_FULL'] })
  async addItem(@CurrentActor() actor: Actor, @Body() body: AddCartItemRequest): Promise<CartResponse> {
    return CartResponse.from(await this.addCartItem.execute({ customerId: actor.userId }, body));
  }

  @Patch('items/:itemId')
  @ApiOperation({ summary: 'Set a line’s quantity (1–99)', description: 'Beyond what is available → 409 INSUFFICIENT_STOCK.' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 404, { 409: ['INSUFFICIENT_STOCK', 'VARIANT_UNAVAILABLE'] })
  async changeItemQuantity(
    @CurrentActor() actor: Actor,
    @UuidParam('itemId', 'Cart item') itemId: string,
    @Body() body: ChangeCartItemQuantityRequest,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.changeCartItemQuantity.execute({ customerId: actor.userId }, itemId, body.quantity));
  }

  @Delete('items/:itemId')
  @ApiOperation({ summary: 'Remove a line' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(404)
  async removeItem(@CurrentActor() actor: Actor, @UuidParam('itemId', 'Cart item') itemId: string): Promise<CartResponse> {
    return CartResponse.from(await this.removeCartItem.execute({ customerId: actor.userId }, itemId));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Empty the cart' })
  @ApiNoContentResponse({ description: 'The cart is empty' })
  async empty(@CurrentActor() actor: Actor): Promise<void> {
    await this.emptyCart.execute({ customerId: actor.userId });
  }

  @Put('destination')
  @ApiOperation({
    summary: 'Set where the cart ships',
    description: 'The cart then shows `estimate`: shipping (the cheapest option serving the country) and tax for that destination.',
  })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400)
  async setDestination(@CurrentActor() actor: Actor, @Body() body: SetCartDestinationRequest): Promise<CartResponse> {
    return CartResponse.from(await this.setCartDestination.execute({ customerId: actor.userId }, body));
  }

  @Post('promotion-code')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply a promotion code',
    description:
      'At most one code per cart: a second replaces the first. Automatic promotions apply by themselves. A code that does not apply now → ' +
      '422 PROMOTION_INVALID with `reason` (unknown, inactive, expired, not_started, exhausted, already_used, min_subtotal_not_met, not_applicable).',
  })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 422)
  async applyCode(@CurrentActor() actor: Actor, @Body() body: ApplyPromotionCodeRequest): Promise<CartResponse> {
    return CartResponse.from(await this.applyPromotionCode.execute({ customerId: actor.userId }, body.code));
  }

  @Delete('promotion-code')
  @ApiOperation({ summary: 'Remove the promotion code', description: 'Automatic promotions still apply. Without a code, nothing changes.' })
  @ApiOkResponse({ type: CartResponse })
  async removeCode(@CurrentActor() actor: Actor): Promise<CartResponse> {
    return CartResponse.from(await this.removePromotionCode.execute({ customerId: actor.userId }));
  }

  @Get('shipping-options')
  @ApiOperation({ summary: 'Shipping methods serving a country, priced for this cart, cheapest first' })
  @ApiOkResponse({ type: ShippingOptionsResponse })
  @ApiProblems(400)
  async shippingOptions(@CurrentActor() actor: Actor, @Query() query: ShippingOptionsQuery): Promise<ShippingOptionsResponse> {
    const options = await this.listShippingOptions.execute({ customerId: actor.userId }, query.country);
    return ShippingOptionsResponse.from(options, this.platform.currency);
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a guest cart into the caller’s cart',
    description:
      'Quantities add, each line capped at what is available and at 99 units; lines not moved in full are listed in `capped`. ' +
      'The guest cart is retired: a second merge, like a wrong token, is a 404.',
  })
  @ApiOkResponse({ type: MergedCartResponse })
  @ApiProblems(400, 404)
  async merge(@CurrentActor() actor: Actor, @Body() body: MergeGuestCartRequest): Promise<MergedCartResponse> {
    return MergedCartResponse.fromMerge(await this.mergeGuestCart.execute(actor.userId, body));
  }
}
