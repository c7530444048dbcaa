import { Module } from '@nestjs/common';
import { PartnersRepository } from './partners.repository';
import { PartnersResolver } from './partners.resolver';
import { PartnersService } from './partners.service';

/** Manufacturers' GraphQL API (API keys with `partner:read`): aggregates about their own brands only. */
@Module({ providers: [PartnersResolver, PartnersService, PartnersRepository] })
export class PartnersModule {}
