import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../src/modules/identity/auth/access.decorators';

export interface RouteRule {
  method: string;
  path: string;
  /** The path as declared, with its `:params` (in `path` each param is `1`). */
  template: string;
  rule: AccessRule | undefined;
  name: string;
}

export interface ResolverRule {
  kind: string;
  name: string;
  rule: AccessRule | undefined;
}

const METHODS: Record<number, string> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

function join(...parts: string[]): string {
  return `/${parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Every REST route and every GraphQL resolver method in the running app, with its access rule. */
export function accessInventory(app: INestApplication): { routes: RouteRule[]; resolvers: ResolverRule[] } {
  const modules = [...app.get(ModulesContainer).values()];
  const controllers = modules.flatMap((module) => [...module.controllers.values()]);
  const providers = modules.flatMap((module) => [...module.providers.values()]);
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: RouteRule[] = [];
  for (const wrapper of controllers) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const controllerPath = Reflect.getMetadata(PATH_METADATA, instance.constructor) as string | string[];
    for (const methodName of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[methodName] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (methodPath === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
        handler as never,
        instance.constructor,
      ]);
      const template = join('api', String(controllerPath), methodPath);
      routes.push({
        method: METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: template.replace(/:(\w+)/g, '1'),
        template,
        rule,
        name: `${instance.constructor.name}.${methodName}`,
      });
    }
  }
  const resolvers: ResolverRule[] = [];
  for (const wrapper of new Set(providers)) {
    const instance = wrapper.instance as object | undefined;
    if (
      !instance ||
      typeof instance !== 'object' ||
      !Reflect.hasMetadata('graphql:resolver_type', instance.constructor)
    ) {
      continue;
    }
    for (const methodName of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[methodName] as object;
      const kind = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
      const property = Reflect.getMetadata('graphql:resolve_property', handler) as unknown;
      if (!kind && !property) continue;
      resolvers.push({
        kind: kind ?? 'Field',
        name: `${instance.constructor.name}.${methodName}`,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler as never,
          instance.constructor,
        ]),
      });
    }
  }
  return { routes, resolvers };
}
