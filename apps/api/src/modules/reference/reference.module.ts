import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountManagerEntity } from './account-managers/account-manager.entity';
import { AccountManagersController } from './account-managers/account-managers.controller';
import { AccountManagersResolver } from './account-managers/account-managers.resolver';
import { AccountManagersService } from './account-managers/account-managers.service';
import { BrandEntity } from './brands/brand.entity';
import { BrandsController } from './brands/brands.controller';
import { BrandsResolver } from './brands/brands.resolver';
import { BrandsService } from './brands/brands.service';
import { DistrictEntity } from './districts/district.entity';
import { DistrictsController } from './districts/districts.controller';
import { DistrictsResolver } from './districts/districts.resolver';
import { DistrictsService } from './districts/districts.service';
import { ManufacturerEntity } from './manufacturers/manufacturer.entity';
import { ManufacturersController } from './manufacturers/manufacturers.controller';
import { ManufacturersResolver } from './manufacturers/manufacturers.resolver';
import { ManufacturersService } from './manufacturers/manufacturers.service';
import { ReferenceLoaders } from './reference.loaders';

/** Reference data: districts, manufacturers, brands, account managers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DistrictEntity, ManufacturerEntity, BrandEntity, AccountManagerEntity]),
  ],
  controllers: [DistrictsController, ManufacturersController, BrandsController, AccountManagersController],
  providers: [
    DistrictsService,
    ManufacturersService,
    BrandsService,
    AccountManagersService,
    ReferenceLoaders,
    DistrictsResolver,
    ManufacturersResolver,
    BrandsResolver,
    AccountManagersResolver,
  ],
  exports: [DistrictsService, ManufacturersService, BrandsService, AccountManagersService],
})
export class ReferenceModule {}
