import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountManagerEntity } from '../reference/account-managers/account-manager.entity';
import { DistrictEntity } from '../reference/districts/district.entity';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersResolver } from './customers.resolver';
import { CustomersService } from './customers.service';
import { RetailerEntity } from './retailer.entity';

/** The retailer register (零售户). */
@Module({
  imports: [TypeOrmModule.forFeature([RetailerEntity, DistrictEntity, AccountManagerEntity])],
  controllers: [CustomersController],
  providers: [CustomersService, CustomersRepository, CustomersResolver],
  exports: [CustomersService],
})
export class CustomersModule {}
