import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('AccountManager', { description: 'An account manager (客户经理) and the districts they serve' })
export class AccountManagerDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;

  /** Personal data: documented for the staff's REST API and deliberately not a GraphQL field. */
  @ApiProperty({ example: '13912345678', description: 'Personal data; staff only' })
  phone!: string;

  @ApiProperty({ type: [Number] }) @Field(() => [Int]) districtIds!: number[];
  @ApiProperty() @Field() active!: boolean;
  @ApiProperty() @Field(() => Int) version!: number;
}

@ObjectType('AccountManagerPage')
export class AccountManagerPageDto {
  @ApiProperty({ type: [AccountManagerDto] }) @Field(() => [AccountManagerDto]) items!: AccountManagerDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}
