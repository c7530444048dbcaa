import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Environment } from '../../config/environment';
import { PrincipalsService } from '../../modules/identity/auth/principals.service';
import { resolvePrincipalQuietly } from '../http/rate-limit.guard';
import type { Principal } from '../http/request-context';
import { measureOperation } from './query-shape';

export type QueryLimitCode =
  'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'TOO_MANY_ALIASES' | 'INTROSPECTION_DISABLED';

function refused(code: QueryLimitCode | 'BAD_REQUEST', message: string, details?: unknown, status = 400) {
  return new GraphQLError(message, {
    extensions: { code, details, http: { status, headers: new HeaderMap() } },
  });
}

/**
 * Limits every GraphQL operation before it runs: nesting depth (GRAPHQL_MAX_DEPTH), aliases
 * (GRAPHQL_MAX_ALIASES) and estimated cost (GRAPHQL_MAX_COMPLEXITY; a field costs 1 unless its definition
 * says `complexity`). Each is refused with HTTP 400 and its own `extensions.code`. In production, schema
 * introspection is for signed-in staff only: manufacturers get the published `schema.gql` instead.
 *
 * A plugin rather than validation rules because Apollo rewrites every validation error's code to
 * GRAPHQL_VALIDATION_FAILED; here the checks run right after validation, with their own codes.
 *
 * It also gives GraphQL answers the HTTP status REST gives the same refusal: 401 when the credentials are
 * missing or not valid (a bad, revoked or expired API key), 429 with Retry-After when rate-limited. The
 * guards that refuse them run inside resolvers, where the HTTP status is not theirs to set; a client that
 * only looks at the status (a manufacturer's ERP) then sees its key is wrong.
 */
@Plugin()
export class GraphqlLimitsPlugin implements ApolloServerPlugin<BaseContext> {
  constructor(
    private readonly env: Environment,
    private readonly principals: PrincipalsService,
  ) {}

  requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return Promise.resolve({
      didResolveOperation: (context) => this.check(context),
      willSendResponse: (context) => this.refusalStatus(context),
    });
  }

  private async check(context: GraphQLRequestContextDidResolveOperation<BaseContext>): Promise<void> {
    const { document, operation, schema } = context;
    if (!operation) return;
    const shape = measureOperation(document, operation);
    if (shape.depth > this.env.GRAPHQL_MAX_DEPTH) {
      throw refused(
        'QUERY_TOO_DEEP',
        `The query is nested ${shape.depth} levels deep; the limit is ${this.env.GRAPHQL_MAX_DEPTH}`,
        { depth: shape.depth, limit: this.env.GRAPHQL_MAX_DEPTH },
      );
    }
    if (shape.aliases > this.env.GRAPHQL_MAX_ALIASES) {
      throw refused(
        'TOO_MANY_ALIASES',
        `The query uses ${shape.aliases} aliases; the limit is ${this.env.GRAPHQL_MAX_ALIASES}`,
        { aliases: shape.aliases, limit: this.env.GRAPHQL_MAX_ALIASES },
      );
    }
    let complexity: number;
    try {
      complexity = getComplexity({
        schema,
        query: document,
        operationName: operation.name?.value,
        variables: context.request.variables ?? {},
        estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch (error) {
      throw refused('BAD_REQUEST', (error as Error).message);
    }
    if (complexity > this.env.GRAPHQL_MAX_COMPLEXITY) {
      throw refused(
        'QUERY_TOO_COMPLEX',
        `The query's estimated cost is ${complexity}; the limit is ${this.env.GRAPHQL_MAX_COMPLEXITY}`,
        { complexity, limit: this.env.GRAPHQL_MAX_COMPLEXITY },
      );
    }
    if (shape.introspection && this.env.NODE_ENV === 'production') {
      const request = (context.contextValue as { req?: Request & { principal?: Principal } }).req;
      const principal = request ? await resolvePrincipalQuietly(this.principals, request) : undefined;
      if (principal?.kind !== 'user') {
        throw refused(
          'INTROSPECTION_DISABLED',
          'Schema introspection is disabled for API clients; use the published schema file (schema.gql)',
          undefined,
          403,
        );
      }
    }
  }

  private refusalStatus(context: GraphQLRequestContextWillSendResponse<BaseContext>): Promise<void> {
    const { response } = context;
    if (response.body.kind !== 'single') return Promise.resolve();
    const errors = response.body.singleResult.errors ?? [];
    if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
      response.http.status = 401;
      return Promise.resolve();
    }
    const limited = errors.find((error) => error.extensions?.code === 'RATE_LIMITED');
    if (limited) {
      response.http.status = 429;
      const details = limited.extensions?.details as { retryAfterSeconds?: number } | undefined;
      if (details?.retryAfterSeconds)
        response.http.headers.set('retry-after', String(details.retryAfterSeconds));
    }
    return Promise.resolve();
  }
}
