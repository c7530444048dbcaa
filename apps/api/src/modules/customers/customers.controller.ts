import { ParseEntityIdPipe } from '../../common/validation/entity-id';
import { Allow } from '../identity/auth/access.decorators';
import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CustomerExportQuery, CustomerListQuery } from './dto/customer-filter.dto';
import { CreateCustomerDto, DeactivateCustomerDto, UpdateCustomerDto } from './dto/customer-input.dto';
import { CustomerDetailDto, CustomerPageDto, CustomerSalesDto, CustomerSalesQuery } from './dto/customer.dto';
import { CustomersService } from './customers.service';
import { writeCustomersCsv } from './customers-csv';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Allow('customers:read')
  @Get()
  @ApiOperation({ summary: 'Filtered, sorted page of retailers' })
  @ApiOkResponse({ type: CustomerPageDto })
  list(@Query() query: CustomerListQuery): Promise<CustomerPageDto> {
    const { page, pageSize, sort, order, ...filter } = query;
    return this.customers.list(filter, { page, pageSize, sort, order });
  }

  @Allow('customers:read')
  @Get('export')
  @ApiOperation({ summary: 'The whole filtered list as CSV (UTF-8 with BOM, for Excel)' })
  @ApiProduces('text/csv')
  async export(@Query() query: CustomerExportQuery, @Res() response: Response): Promise<void> {
    const { sort, order, ...filter } = query;
    await writeCustomersCsv(this.customers.exportRows(filter, { sort, order }), response);
  }

  @Allow('customers:read')
  @Get(':id')
  @ApiOkResponse({ type: CustomerDetailDto })
  get(@Param('id', ParseEntityIdPipe) id: number): Promise<CustomerDetailDto> {
    return this.customers.get(id);
  }

  @Allow('customers:read')
  @Get(':id/sales')
  @ApiOperation({ summary: 'Monthly sales by brand, ending with the latest month in the data' })
  @ApiOkResponse({ type: CustomerSalesDto })
  sales(
    @Param('id', ParseEntityIdPipe) id: number,
    @Query()
    query: CustomerSalesQuery,
  ): Promise<CustomerSalesDto> {
    return this.customers.sales(id, query.months);
  }

  @Allow('customers:write')
  @Post()
  @ApiOkResponse({ type: CustomerDetailDto })
  create(@Body() input: CreateCustomerDto): Promise<CustomerDetailDto> {
    return this.customers.create(input);
  }

  @Allow('customers:write')
  @Patch(':id')
  @ApiOkResponse({ type: CustomerDetailDto })
  update(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: UpdateCustomerDto,
  ): Promise<CustomerDetailDto> {
    return this.customers.update(id, input);
  }

  @Allow('customers:write')
  @Post(':id/deactivate')
  @ApiOperation({ summary: 'Deactivate a retailer (records are never deleted)' })
  @ApiOkResponse({ type: CustomerDetailDto })
  deactivate(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: DeactivateCustomerDto,
  ): Promise<CustomerDetailDto> {
    return this.customers.deactivate(id, input);
  }
}
