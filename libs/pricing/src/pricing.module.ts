import { Module } from '@nestjs/common';
import { AdminPromotionsController } from './api/admin-promotions.controller';
import { AdminShippingMethodsController } from './api/admin-shipping-methods.controller';
import { AdminTaxRatesController } from './api/admin-tax-rates.controller';
import { ApplicablePromotions } from './application/applicable-promotions';
import { CreatePromotion } from './application/create-promotion.use-case';
import { DeactivatePromotion } from './application/deactivate-promotion.use-case';
import { GetPromotion } from './application/get-promotion.use-case';
import { ListPromotions } from './application/list-promotions.use-case';
import { PromotionRedemptions } from './application/promotion-redemptions.service';
import { PromotionUsage } from './application/promotion-usage.port';
import { PromotionRepository } from './application/promotion.repository';
import { UpdatePromotion } from './application/update-promotion.use-case';
import { CreateShippingMethod } from './application/create-shipping-method.use-case';
import { CreateTaxRate } from './application/create-tax-rate.use-case';
import { DeactivateShippingMethod } from './application/deactivate-shipping-method.use-case';
import { DeleteTaxRate } from './application/delete-tax-rate.use-case';
import { ListShippingMethods } from './application/list-shipping-methods.use-case';
import { ListTaxRates } from './application/list-tax-rates.use-case';
import { OrderPricing } from './application/order-pricing.service';
import { ShippingMethodRepository } from './application/shipping-method.repository';
import { TaxCalculator } from './application/tax-calculator.port';
import { TaxRateRepository } from './application/tax-rate.repository';
import { UpdateShippingMethod } from './application/update-shipping-method.use-case';
import { UpdateTaxRate } from './application/update-tax-rate.use-case';
import { PricingRulesCache } from './infrastructure/pricing-rules.cache';
import { RateTableTaxCalculator } from './infrastructure/rate-table-tax-calculator';
import { SqlPromotionUsage } from './infrastructure/sql-promotion-usage';
import { SqlPromotionRepository } from './infrastructure/sql-promotion.repository';
import { SqlShippingMethodRepository } from './infrastructure/sql-shipping-method.repository';
import { SqlTaxRateRepository } from './infrastructure/sql-tax-rate.repository';
import { StandardShippingFeeSync } from './infrastructure/standard-shipping-fee.sync';
import { PricingConfig } from './pricing.config';

/**
 * Shipping methods, tax rates, promotions and the service that prices an order for a destination
 * (OrderPricing, used by cart and ordering), plus PromotionRedemptions for checkout and
 * cancellation. The pricing function itself stays pure.
 * Swap the TaxCalculator binding to use an external tax service.
 */
@Module({
  controllers: [AdminShippingMethodsController, AdminTaxRatesController, AdminPromotionsController],
  providers: [
    { provide: PricingConfig, useFactory: () => new PricingConfig() },
    PricingRulesCache,
    { provide: ShippingMethodRepository, useClass: SqlShippingMethodRepository },
    { provide: TaxRateRepository, useClass: SqlTaxRateRepository },
    { provide: TaxCalculator, useClass: RateTableTaxCalculator },
    { provide: PromotionRepository, useClass: SqlPromotionRepository },
    { provide: PromotionUsage, useClass: SqlPromotionUsage },
    OrderPricing,
    ApplicablePromotions,
    PromotionRedemptions,
    ListPromotions,
    GetPromotion,
    CreatePromotion,
    UpdatePromotion,
    DeactivatePromotion,
    ListShippingMethods,
    CreateShippingMethod,
    UpdateShippingMethod,
    DeactivateShippingMethod,
    ListTaxRates,
    CreateTaxRate,
    UpdateTaxRate,
    DeleteTaxRate,
    StandardShippingFeeSync,
  ],
  exports: [OrderPricing, PromotionRedemptions, PricingConfig],
})
export class PricingModule {}
