import { Allow } from '../../identity/auth/access.decorators';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageQuery } from '../../../common/pagination/page.dto';
import { ReferenceLoaders } from '../reference.loaders';
import { DistrictDto, DistrictPageDto } from './dto/district.dto';
import { CreateDistrictDto, DistrictFilter, UpdateDistrictDto } from './dto/district-input.dto';
import { DistrictsService } from './districts.service';

@Resolver(() => DistrictDto)
export class DistrictsResolver {
  constructor(
    private readonly service: DistrictsService,
    private readonly loaders: ReferenceLoaders,
  ) {}

  @Allow('reference:read')
  @Query(() => DistrictPageDto, { description: 'Districts, filtered and paged, sorted by code' })
  districts(
    @Args('filter', { type: () => DistrictFilter, nullable: true }) filter?: DistrictFilter,
    @Args('page', { type: () => PageQuery, nullable: true }) page?: PageQuery,
  ): Promise<DistrictPageDto> {
    return this.service.list({ ...filter, ...page });
  }

  @Allow('reference:read')
  @Query(() => [DistrictDto], { description: 'Active cities; nest `children` for the rest of the tree' })
  districtTree(): Promise<DistrictDto[]> {
    return this.service.activeCities();
  }

  @Allow('reference:read')
  @Query(() => DistrictDto)
  district(@Args('id', { type: () => Int }) id: number): Promise<DistrictDto> {
    return this.service.get(id);
  }

  @Allow('reference:read')
  @ResolveField(() => [DistrictDto], { description: 'Active child districts, by code' })
  children(@Parent() district: DistrictDto, @Context() context: object): Promise<DistrictDto[]> {
    return this.loaders.for(context).activeChildren.load(district.id);
  }

  @Allow('reference:write')
  @Mutation(() => DistrictDto)
  createDistrict(@Args('input') input: CreateDistrictDto): Promise<DistrictDto> {
    return this.service.create(input);
  }

  @Allow('reference:write')
  @Mutation(() => DistrictDto, { description: 'A new parentId moves the district with everything below it' })
  updateDistrict(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateDistrictDto,
  ): Promise<DistrictDto> {
    return this.service.update(id, input);
  }

  @Allow('reference:write')
  @Mutation(() => DistrictDto)
  deactivateDistrict(
    @Args('id', { type: () => Int }) id: number,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<DistrictDto> {
    return this.service.deactivate(id, version);
  }
}
