import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountManagerEntity } from './account-managers/account-manager.entity';
import { BrandEntity } from './brands/brand.entity';
import { DistrictEntity } from './districts/district.entity';
import { ManufacturerEntity } from './manufacturers/manufacturer.entity';
import { ManufacturersController } from './manufacturers/manufacturers.controller';
import { ManufacturersResolver } from './manufacturers/manufacturers.resolver';
import { ManufacturersService } from './manufacturers/manufacturers.service';

/** Reference data: districts, manufacturers, brands, account managers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DistrictEntity, ManufacturerEntity, BrandEntity, AccountManagerEntity]),
  ],
  controllers: [ManufacturersController],
  providers: [ManufacturersService, ManufacturersResolver],
  exports: [ManufacturersService],
})
export class ReferenceModule {}
