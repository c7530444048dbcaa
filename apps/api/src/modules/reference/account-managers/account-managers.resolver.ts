import { Allow } from '../../identity/auth/access.decorators';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageQuery } from '../../../common/pagination/page.dto';
import type { DistrictEntity } from '../districts/district.entity';
import { DistrictDto } from '../districts/dto/district.dto';
import { ReferenceLoaders } from '../reference.loaders';
import { AccountManagerDto, AccountManagerPageDto } from './dto/account-manager.dto';
import {
  AccountManagerFilter,
  CreateAccountManagerDto,
  UpdateAccountManagerDto,
} from './dto/account-manager-input.dto';
import { AccountManagersService } from './account-managers.service';

@Resolver(() => AccountManagerDto)
export class AccountManagersResolver {
  constructor(
    private readonly service: AccountManagersService,
    private readonly loaders: ReferenceLoaders,
  ) {}

  @Allow('reference:read')
  @Query(() => AccountManagerPageDto, { description: 'Account managers, filtered and paged, sorted by code' })
  accountManagers(
    @Args('filter', { type: () => AccountManagerFilter, nullable: true }) filter?: AccountManagerFilter,
    @Args('page', { type: () => PageQuery, nullable: true }) page?: PageQuery,
  ): Promise<AccountManagerPageDto> {
    return this.service.list({ ...filter, ...page });
  }

  @Allow('reference:read')
  @Query(() => AccountManagerDto)
  accountManager(@Args('id', { type: () => Int }) id: number): Promise<AccountManagerDto> {
    return this.service.get(id);
  }

  @Allow('reference:read')
  @ResolveField(() => [DistrictDto], { description: 'The districts served, in districtIds order' })
  async districts(@Parent() manager: AccountManagerDto, @Context() context: object): Promise<DistrictDto[]> {
    const found = await this.loaders.for(context).district.loadMany(manager.districtIds);
    return found.filter((d): d is DistrictEntity => d !== null && !(d instanceof Error));
  }

  @Allow('reference:write')
  @Mutation(() => AccountManagerDto)
  createAccountManager(@Args('input') input: CreateAccountManagerDto): Promise<AccountManagerDto> {
    return this.service.create(input);
  }

  @Allow('reference:write')
  @Mutation(() => AccountManagerDto)
  updateAccountManager(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateAccountManagerDto,
  ): Promise<AccountManagerDto> {
    return this.service.update(id, input);
  }

  @Allow('reference:write')
  @Mutation(() => AccountManagerDto)
  deactivateAccountManager(
    @Args('id', { type: () => Int }) id: number,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<AccountManagerDto> {
    return this.service.deactivate(id, version);
  }
}
