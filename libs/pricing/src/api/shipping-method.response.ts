import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '@congocart/shared';
import type { ShippingOption } from '../application/order-pricing.service';
import type { ShippingMethod } from '../domain/shipping-method';

export class DeliveryDaysResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  min: number;
  @ApiProperty({ type: 'integer', example: 4 })
  max: number;
}

export class ShippingMethodResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'express' })
  code: string;
  @ApiProperty({ example: 'Express (1–2 days)' })
  name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Tracked, signed for' })
  description: string | null;
  @ApiProperty({ type: MoneyResponse })
  price: MoneyResponse;
  @ApiProperty({ type: MoneyResponse, nullable: true, description: 'Free when the subtotal after discounts is at least this' })
  freeOver: MoneyResponse | null;
  @ApiProperty({ type: [String], example: ['KE', 'UG'], description: 'ISO 3166-1 alpha-2 codes served; empty: every country' })
  countries: string[];
  @ApiProperty({ type: DeliveryDaysResponse, nullable: true })
  deliveryDays: DeliveryDaysResponse | null;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(method: ShippingMethod, currency: string): ShippingMethodResponse {
    return {
      id: method.id,
      code: method.code,
      name: method.name,
      description: method.description,
      price: { amount: method.price, currency },
      freeOver: method.freeOver === null ? null : { amount: method.freeOver, currency },
      countries: [...method.countries],
      deliveryDays: method.deliveryDays ? { min: method.deliveryDays.min, max: method.deliveryDays.max } : null,
      active: method.active,
      createdAt: method.createdAt.toISOString(),
      updatedAt: method.updatedAt.toISOString(),
    };
  }
}

export class ShippingOptionResponse {
  @ApiProperty({ type: ShippingMethodResponse })
  method: ShippingMethodResponse;
  @ApiProperty({ type: MoneyResponse, description: 'What this method costs for this cart (0 once `freeOver` is reached), before tax' })
  price: MoneyResponse;
}

export class ShippingOptionsResponse {
  @ApiProperty({ type: [ShippingOptionResponse], description: 'Active methods serving the country, cheapest first' })
  data: ShippingOptionResponse[];

  static from(options: ShippingOption[], currency: string): ShippingOptionsResponse {
    return {
      data: options.map((option) => ({
        method: ShippingMethodResponse.from(option.method, currency),
        price: { amount: option.price, currency },
      })),
    };
  }
}
