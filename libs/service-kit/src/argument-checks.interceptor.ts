import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { type InputChecks, inputChecks } from '@msp/errors';
import {
  getNullableType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import type { Observable } from 'rxjs';
import { PLATFORM_SERVICE_NAME } from './platform-exception.filter';

/**
 * Hostile input stops at the schema boundary, for every operation of every subgraph: each argument is walked along its
 * GraphQL type (input objects field by field, lists item by item) and every `ID` must be a UUID, every text storable
 * (no NUL byte, bounded length). The refusal names the argument path (`input.memberId`, `siteIds[2]`) with the
 * service's invalid-input code, instead of PostgreSQL failing later on a cast.
 */
@Injectable()
export class ArgumentChecksInterceptor implements NestInterceptor {
  private readonly checks: InputChecks;

  constructor(@Inject(PLATFORM_SERVICE_NAME) serviceName: string) {
    this.checks = inputChecks(`${serviceName.toUpperCase()}.INVALID_INPUT`);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo | undefined>();
      const field = info?.parentType?.getFields()[info.fieldName];
      const args = gql.getArgs<Record<string, unknown>>();
      for (const argument of field?.args ?? []) this.check(argument.type, args[argument.name], argument.name);
    }
    return next.handle();
  }

  private check(type: GraphQLInputType, value: unknown, path: string): void {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) value.forEach((item, i) => this.check(nullable.ofType, item, `${path}[${i}]`));
      return;
    }
    if (isInputObjectType(nullable)) {
      const record = value as Record<string, unknown>;
      for (const inner of Object.values(nullable.getFields()))
        this.check(inner.type, record[inner.name], `${path}.${inner.name}`);
      return;
    }
    if (isScalarType(nullable) && nullable.name === 'ID') this.checks.uuid(value, path);
    else if (typeof value === 'string') this.checks.text(value, path);
  }
}
