import { Allow } from '../../identity/auth/access.decorators';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageQuery } from '../../../common/pagination/page.dto';
import {
  CreateManufacturerDto,
  ManufacturerDto,
  ManufacturerFilter,
  ManufacturerPageDto,
  UpdateManufacturerDto,
} from './dto/manufacturer.dto';
import { ManufacturersService } from './manufacturers.service';

@Resolver(() => ManufacturerDto)
export class ManufacturersResolver {
  constructor(private readonly service: ManufacturersService) {}

  @Allow('reference:read')
  @Query(() => ManufacturerPageDto, { description: 'Manufacturers, filtered and paged, sorted by code' })
  manufacturers(
    @Args('filter', { type: () => ManufacturerFilter, nullable: true }) filter?: ManufacturerFilter,
    @Args('page', { type: () => PageQuery, nullable: true }) page?: PageQuery,
  ): Promise<ManufacturerPageDto> {
    return this.service.list({ ...filter, ...page });
  }

  @Allow('reference:read')
  @Query(() => ManufacturerDto)
  manufacturer(@Args('id', { type: () => Int }) id: number): Promise<ManufacturerDto> {
    return this.service.get(id);
  }

  @Allow('reference:write')
  @Mutation(() => ManufacturerDto)
  createManufacturer(@Args('input') input: CreateManufacturerDto): Promise<ManufacturerDto> {
    return this.service.create(input);
  }

  @Allow('reference:write')
  @Mutation(() => ManufacturerDto)
  updateManufacturer(
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: UpdateManufacturerDto,
  ): Promise<ManufacturerDto> {
    return this.service.update(id, input);
  }
}
