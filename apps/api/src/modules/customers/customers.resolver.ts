import { Allow } from '../identity/auth/access.decorators';
import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CustomerFilter, CustomerListOptions } from './dto/customer-filter.dto';
import { CreateCustomerDto, DeactivateCustomerDto, UpdateCustomerInput } from './dto/customer-input.dto';
import { CustomerDetailDto, CustomerPageDto, CustomerSalesDto } from './dto/customer.dto';
import { CustomersService } from './customers.service';

@Resolver(() => CustomerDetailDto)
export class CustomersResolver {
  constructor(private readonly service: CustomersService) {}

  @Allow('customers:read')
  @Query(() => CustomerPageDto, { description: 'Filtered, sorted page of retailers' })
  customers(
    @Args('filter', { type: () => CustomerFilter, nullable: true }) filter?: CustomerFilter,
    @Args('options', { type: () => CustomerListOptions, nullable: true }) options?: CustomerListOptions,
  ): Promise<CustomerPageDto> {
    return this.service.list(filter ?? {}, options ?? {});
  }

  @Allow('customers:read')
  @Query(() => CustomerDetailDto)
  customer(@Args('id', { type: () => Int }) id: number): Promise<CustomerDetailDto> {
    return this.service.get(id);
  }

  @Allow('customers:read')
  @ResolveField(() => CustomerSalesDto, { description: 'Monthly sales by brand' })
  sales(
    @Parent() customer: CustomerDetailDto,
    @Args('months', { type: () => Int, nullable: true, defaultValue: 36 }) months: number,
  ): Promise<CustomerSalesDto> {
    return this.service.sales(customer.id, Math.min(Math.max(months, 1), 120));
  }

  @Allow('customers:write')
  @Mutation(() => CustomerDetailDto)
  createCustomer(@Args('input') input: CreateCustomerDto): Promise<CustomerDetailDto> {
    return this.service.create(input);
  }

  @Allow('customers:write')
  @Mutation(() => CustomerDetailDto)
  updateCustomer(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateCustomerInput,
  ): Promise<CustomerDetailDto> {
    return this.service.update(id, input);
  }

  @Allow('customers:write')
  @Mutation(() => CustomerDetailDto)
  deactivateCustomer(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: DeactivateCustomerDto,
  ): Promise<CustomerDetailDto> {
    return this.service.deactivate(id, input);
  }
}
