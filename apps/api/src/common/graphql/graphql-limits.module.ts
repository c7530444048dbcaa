import { Module } from '@nestjs/common';
import { GraphqlLimitsPlugin } from './graphql-limits.plugin';

/** Registers the Apollo plugin that limits depth, aliases, cost and introspection of every operation. */
@Module({ providers: [GraphqlLimitsPlugin] })
export class GraphqlLimitsModule {}
