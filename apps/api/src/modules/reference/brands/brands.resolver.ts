import { Allow } from '../../identity/auth/access.decorators';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../../../common/errors/app-error';
import { PageQuery } from '../../../common/pagination/page.dto';
import { ManufacturerDto } from '../manufacturers/dto/manufacturer.dto';
import { ReferenceLoaders } from '../reference.loaders';
import { BrandDto, BrandPageDto } from './dto/brand.dto';
import {
  BrandFilter,
  BrandSortFieldEnum,
  CreateBrandDto,
  UpdateBrandDto,
  type BrandSortField,
} from './dto/brand-input.dto';
import { BrandsService } from './brands.service';

@Resolver(() => BrandDto)
export class BrandsResolver {
  constructor(
    private readonly service: BrandsService,
    private readonly loaders: ReferenceLoaders,
  ) {}

  @Allow('reference:read')
  @Query(() => BrandPageDto, { description: 'Brands, filtered, sorted (with page.order) and paged' })
  brands(
    @Args('filter', { type: () => BrandFilter, nullable: true }) filter?: BrandFilter,
    @Args('page', { type: () => PageQuery, nullable: true }) page?: PageQuery,
    @Args('sort', { type: () => BrandSortFieldEnum, nullable: true }) sort?: BrandSortField,
  ): Promise<BrandPageDto> {
    return this.service.list({ ...filter, ...page, sort: sort ?? undefined });
  }

  @Allow('reference:read')
  @Query(() => BrandDto)
  brand(@Args('id', { type: () => Int }) id: number): Promise<BrandDto> {
    return this.service.get(id);
  }

  @Allow('reference:read')
  @ResolveField(() => ManufacturerDto)
  async manufacturer(@Parent() brand: BrandDto, @Context() context: object): Promise<ManufacturerDto> {
    const found = await this.loaders.for(context).manufacturer.load(brand.manufacturerId);
    // The foreign key makes this unreachable unless a row is removed behind the API's back.
    if (!found) throw new NotFoundError('Manufacturer', brand.manufacturerId);
    return found;
  }

  @Allow('reference:write')
  @Mutation(() => BrandDto)
  createBrand(@Args('input') input: CreateBrandDto): Promise<BrandDto> {
    return this.service.create(input);
  }

  @Allow('reference:write')
  @Mutation(() => BrandDto)
  updateBrand(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateBrandDto,
  ): Promise<BrandDto> {
    return this.service.update(id, input);
  }
}
