import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { AppError } from '../../common/errors/app-error';
import type { Principal } from '../../common/http/request-context';
import { Allow, CurrentPrincipal } from '../identity/auth/access.decorators';
import {
  PartnerBrandDto,
  PartnerForecastDto,
  PartnerForecastGroupBy,
  PartnerSalesFilter,
  PartnerSalesRowDto,
} from './dto/partner.dto';
import { PartnersService } from './partners.service';

/** The manufacturer behind the calling API key; anyone else (staff included) has no business here. */
function manufacturerOf(principal: Principal): number {
  if (principal.kind !== 'api_key') {
    throw new AppError('FORBIDDEN', "The partner API is for manufacturers' API keys");
  }
  return principal.manufacturerId;
}

/**
 * The manufacturers' GraphQL API: their own brands and aggregates about them, nothing else. Each query is
 * per API key; which manufacturer is never an argument. Costs (complexity) weigh the aggregate queries, so a
 * document of many aliased aggregates reaches GRAPHQL_MAX_COMPLEXITY before it reaches the database.
 */
@Resolver()
export class PartnersResolver {
  constructor(private readonly partners: PartnersService) {}

  @Allow('partner:read')
  @Query(() => [PartnerBrandDto], { nullable: true, description: 'Your brands', complexity: 5 })
  partnerBrands(@CurrentPrincipal() principal: Principal): Promise<PartnerBrandDto[]> {
    return this.partners.brands(manufacturerOf(principal));
  }

  @Allow('partner:read')
  @Query(() => [PartnerSalesRowDto], {
    // Nullable, so a refused alias fails alone and the others of the document still answer.
    nullable: true,
    description:
      'Sales of your brands aggregated by the chosen dimensions (always per brand). Figures are perturbed ' +
      'by cell-key noise: the same question always gets the same answer, cartons and amount are within a ' +
      'quarter of the largest single retailer’s contribution (plus one carton) of the truth, retailer counts ' +
      'within ±3, and rows are not forced to add up to their totals. Groups of fewer than ' +
      'PARTNER_MIN_GROUP_SIZE retailers, in the range or in any one month of it, come back with ' +
      'suppressed = true and null figures. Each query is estimated before it runs (brands × months × the ' +
      'values of each other dimension grouped by) and refused over PARTNER_QUERY_BUDGET cells, or over ' +
      'PARTNER_REQUEST_BUDGET for all the partnerSales of one request, with QUERY_TOO_EXPENSIVE. Another ' +
      'manufacturer’s brand → FORBIDDEN.',
    complexity: 50,
  })
  partnerSales(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => PartnerSalesFilter }) filter: PartnerSalesFilter,
    @Context() context: { req?: object },
  ): Promise<PartnerSalesRowDto[]> {
    return this.partners.sales(manufacturerOf(principal), filter, context.req);
  }

  @Allow('partner:read')
  @Query(() => PartnerForecastDto, {
    nullable: true,
    description:
      'The latest published demand forecast of your brands (or one brand), per brand and by MONTH and/or ' +
      'COUNTY; null when nothing is published yet. Small groups are suppressed as in partnerSales.',
    complexity: 50,
  })
  partnerForecast(
    @CurrentPrincipal() principal: Principal,
    @Args('brandId', { type: () => Int, nullable: true }) brandId?: number,
    @Args('brandCode', { type: () => String, nullable: true }) brandCode?: string,
    @Args('groupBy', {
      type: () => [PartnerForecastGroupBy],
      defaultValue: [PartnerForecastGroupBy.MONTH],
    })
    groupBy: PartnerForecastGroupBy[] = [PartnerForecastGroupBy.MONTH],
  ): Promise<PartnerForecastDto | null> {
    return this.partners.forecast(manufacturerOf(principal), brandId, brandCode ?? undefined, groupBy);
  }
}
