import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ManufacturerDto } from './dto/manufacturer.dto';
import { ManufacturersService } from './manufacturers.service';

@Resolver(() => ManufacturerDto)
export class ManufacturersResolver {
  constructor(private readonly manufacturers: ManufacturersService) {}

  @Query(() => ManufacturerDto)
  manufacturer(@Args('id', { type: () => Int }) id: number): Promise<ManufacturerDto> {
    return this.manufacturers.get(id);
  }
}
