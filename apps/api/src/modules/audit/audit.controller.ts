import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Args, Query as GraphQLQuery, Resolver } from '@nestjs/graphql';
import { Allow } from '../identity/auth/access.decorators';
import { AuditEntryDto, AuditPageDto, AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('audit:read')
  @ApiOperation({ summary: 'The audit trail, newest first: by record, by user, by time' })
  @ApiOkResponse({ type: AuditPageDto })
  find(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.find(query);
  }
}

@Resolver(() => AuditEntryDto)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @GraphQLQuery(() => AuditPageDto)
  @Allow('audit:read')
  auditTrail(
    @Args('filter', { type: () => AuditQuery, nullable: true }) filter?: AuditQuery,
  ): Promise<AuditPageDto> {
    return this.audit.find(filter ?? {});
  }
}
