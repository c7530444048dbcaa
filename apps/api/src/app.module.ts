import { explainAbortedValidation } from './common/graphql/query-shape';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'node:path';
import type { Request } from 'express';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { GraphqlLimitsModule } from './common/graphql/graphql-limits.module';
import { RateLimitModule } from './common/http/rate-limit.module';
import { currentContext } from './common/http/request-context';
import { createValidationPipe } from './common/errors/validation';
import { loggerOptions } from './common/logging/logger.options';
import { Clock, SystemClock } from './common/time/clock';
import { Environment } from './config/environment';
import { typeOrmOptions } from './database/typeorm-options';
import { HealthModule } from './health/health.module';
import { CustomersModule } from './modules/customers/customers.module';
import { ForecastingModule } from './modules/forecasting/forecasting.module';
import { IdentityModule } from './modules/identity/identity.module';
import { AuditModule } from './modules/audit/audit.module';
import { ImportsModule } from './modules/imports/imports.module';
import { OrdersModule } from './modules/orders/orders.module';
import { PartnersModule } from './modules/partners/partners.module';
import { ReferenceModule } from './modules/reference/reference.module';
import { QueueModule } from './queue/queue.module';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');

@Module({})
export class AppModule {
  /** `clock` is the system's unless a test fixes the calendar. */
  static forRoot(env: Environment, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...env })] }),
        LoggerModule.forRoot(loggerOptions(env)),
        TypeOrmModule.forRoot({ ...typeOrmOptions(env.DATABASE_URL!), migrationsRun: env.RUN_MIGRATIONS }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          // Development writes the committed schema file; tests and production build the schema in memory.
          autoSchemaFile: env.NODE_ENV === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          includeStacktraceInErrorResponses: false,
          // "Did you mean …" lets a caller without introspection rebuild the schema field by field.
          hideSchemaDetailsFromClientErrors: env.NODE_ENV === 'production',
          // Whether introspection is answered is decided per caller by GraphqlLimitsPlugin (staff yes; API keys
          // not in production), not by Apollo's process-wide NODE_ENV default.
          introspection: true,
          // Guards run on field resolvers too, so a nested field is as protected as a top-level query.
          fieldResolverEnhancers: ['guards'],
          context: ({ req }: { req: Request }) => ({ req }),
          formatError: (formatted) => {
            const code = String(formatted.extensions?.code ?? 'INTERNAL');
            // Errors raised by Apollo itself (syntax, unknown field, CSRF) and by the limits plugin carry no
            // request id: it comes from the request's context.
            return {
              message: explainAbortedValidation(formatted.message),
              locations: formatted.locations,
              path: formatted.path,
              extensions: {
                code:
                  code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED'
                    ? 'BAD_REQUEST'
                    : code,
                details: formatted.extensions?.details,
                requestId: formatted.extensions?.requestId ?? currentContext()?.requestId ?? undefined,
              },
            };
          },
        }),
        QueueModule,
        // Before IdentityModule: its global guard then runs before the AccessGuard, so requests refused with 401
        // are counted too (it resolves the principal itself, and the AccessGuard reuses it).
        RateLimitModule,
        IdentityModule,
        AuditModule,
        HealthModule,
        ReferenceModule,
        CustomersModule,
        OrdersModule,
        ImportsModule,
        ForecastingModule,
        PartnersModule,
        GraphqlLimitsModule,
      ],
      providers: [
        { provide: Environment, useValue: env },
        { provide: Clock, useValue: clock },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
      ],
      exports: [Environment, Clock],
      global: true,
    };
  }
}
