import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  ExecutionContext,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ShippingOptionsResponse } from '@congocart/pricing';
import { ApiProblems, PlatformConfig, Public, UuidParam } from '@congocart/shared';
import { AddCartItem } from '../application/add-cart-item.use-case';
import { ApplyPromotionCode } from '../application/apply-promotion-code.use-case';
import { RemovePromotionCode } from '../application/remove-promotion-code.use-case';
import { ChangeCartItemQuantity } from '../application/change-cart-item-quantity.use-case';
import { CreateGuestCart } from '../application/create-guest-cart.use-case';
import { GetCart } from '../application/get-cart.use-case';
import { ListShippingOptions } from '../application/list-shipping-options.use-case';
import { RemoveCartItem } from '../application/remove-cart-item.use-case';
import { SetCartDestination } from '../application/set-cart-destination.use-case';
import { AddCartItemRequest } from './add-cart-item.request';
import { ApplyPromotionCodeRequest } from './apply-promotion-code.request';
import { CartResponse } from './cart.response';
import { ChangeCartItemQuantityRequest } from './change-cart-item-quantity.request';
import { CreatedGuestCartResponse } from './guest-cart.response';
import { SetCartDestinationRequest, ShippingOptionsQuery } from './set-cart-destination.request';

/** The X-Cart-Token header (undefined when absent or repeated); documented by CartTokenHeader(). */
const CartToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['x-cart-token'];
  return typeof value === 'string' ? value : undefined;
});

const CartTokenHeader = () =>
  ApiHeader({
    name: 'X-Cart-Token',
    required: true,
    description: 'The token returned by POST /carts; missing or wrong → 404',
    schema: { type: 'string', maxLength: 64 },
  });

/** Anonymous carts held by their token; same rules as /cart. An expired cart is a 404 too. */
@ApiTags('guest-carts')
@Public()
@Controller('carts')
export class GuestCartsController {
  constructor(
    private readonly createGuestCart: CreateGuestCart,
    private readonly getCart: GetCart,
    private readonly addCartItem: AddCartItem,
    private readonly changeCartItemQuantity: ChangeCartItemQuantity,
    private readonly removeCartItem: RemoveCartItem,
    private readonly setCartDestination: SetCartDestination,
    private readonly listShippingOptions: ListShippingOptions,
    private readonly platform: PlatformConfig,
    private readonly applyPromotionCode: ApplyPromotionCode,
    private readonly removePromotionCode: RemovePromotionCode,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a guest cart',
    description: 'No body. Keep the token: it is shown once. The cart expires after GUEST_CART_TTL_HOURS (default 72) without changes.',
  })
  @ApiCreatedResponse({ type: CreatedGuestCartResponse, headers: { Location: { description: 'The cart', schema: { type: 'string' } } } })
  async create(@Res({ passthrough: true }) reply: FastifyReply): Promise<CreatedGuestCartResponse> {
    const created = await this.createGuestCart.execute();
    reply.header('location', `/api/v1/carts/${created.id}`);
    return created;
  }

  @Get(':id')
  @CartTokenHeader()
  @ApiOperation({ summary: 'A guest cart, priced now' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(404)
  async get(@UuidParam('id', 'Cart') id: string, @CartToken() token?: string): Promise<CartResponse> {
    return CartResponse.from(await this.getCart.execute({ guestCartId: id, token }));
  }

  @Post(':id/items')
  @HttpCode(200)
  @CartTokenHeader()
  @ApiOperation({ summary: 'Add a variant to a guest cart', description: 'Same rules as POST /cart/items.' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, { 404: ['VARIANT_NOT_FOUND'], 409: ['INSUFFICIENT_STOCK', 'VARIANT_UNAVAILABLE', 'CART_FULL'] })
  async addItem(@UuidParam('id', 'Cart') id: string, @Body() body: AddCartItemRequest, @CartToken() token?: string): Promise<CartResponse> {
    return CartResponse.from(await this.addCartItem.execute({ guestCartId: id, token }, body));
  }

  @Patch(':id/items/:itemId')
  @CartTokenHeader()
  @ApiOperation({ summary: 'Set a guest cart line’s quantity (1–99)' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 404, { 409: ['INSUFFICIENT_STOCK', 'VARIANT_UNAVAILABLE'] })
  async changeItemQuantity(
    @UuidParam('id', 'Cart') id: string,
    @UuidParam('itemId', 'Cart item') itemId: string,
    @Body() body: ChangeCartItemQuantityRequest,
    @CartToken() token?: string,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.changeCartItemQuantity.execute({ guestCartId: id, token }, itemId, body.quantity));
  }

  @Delete(':id/items/:itemId')
  @CartTokenHeader()
  @ApiOperation({ summary: 'Remove a guest cart line' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(404)
  async removeItem(
    @UuidParam('id', 'Cart') id: string,
    @UuidParam('itemId', 'Cart item') itemId: string,
    @CartToken() token?: string,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.removeCartItem.execute({ guestCartId: id, token }, itemId));
  }

  @Put(':id/destination')
  @CartTokenHeader()
  @ApiOperation({ summary: 'Set where a guest cart ships', description: 'Same as PUT /cart/destination.' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 404)
  async setDestination(
    @UuidParam('id', 'Cart') id: string,
    @Body() body: SetCartDestinationRequest,
    @CartToken() token?: string,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.setCartDestination.execute({ guestCartId: id, token }, body));
  }

  @Post(':id/promotion-code')
  @HttpCode(200)
  @CartTokenHeader()
  @ApiOperation({ summary: 'Apply a promotion code to a guest cart', description: 'Same as POST /cart/promotion-code.' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(400, 404, 422)
  async applyCode(
    @UuidParam('id', 'Cart') id: string,
    @Body() body: ApplyPromotionCodeRequest,
    @CartToken() token?: string,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.applyPromotionCode.execute({ guestCartId: id, token }, body.code));
  }

  @Delete(':id/promotion-code')
  @CartTokenHeader()
  @ApiOperation({ summary: 'Remove the promotion code from a guest cart', description: 'Same as DELETE /cart/promotion-code.' })
  @ApiOkResponse({ type: CartResponse })
  @ApiProblems(404)
  async removeCode(@UuidParam('id', 'Cart') id: string, @CartToken() token?: string): Promise<CartResponse> {
    return CartResponse.from(await this.removePromotionCode.execute({ guestCartId: id, token }));
  }

  @Get(':id/shipping-options')
  @CartTokenHeader()
  @ApiOperation({ summary: 'Shipping methods serving a country, priced for this guest cart, cheapest first' })
  @ApiOkResponse({ type: ShippingOptionsResponse })
  @ApiProblems(400, 404)
  async shippingOptions(
    @UuidParam('id', 'Cart') id: string,
    @Query() query: ShippingOptionsQuery,
    @CartToken() token?: string,
  ): Promise<ShippingOptionsResponse> {
    const options = await this.listShippingOptions.execute({ guestCartId: id, token }, query.country);
    return ShippingOptionsResponse.from(options, this.platform.currency);
  }
}
