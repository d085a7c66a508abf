import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { SchemaObject } from '@nestjs/swagger';
import type { Role } from '@enlace/domain';
import { IS_PUBLIC, ROLES } from '../auth/auth.decorators.js';
import { isDocumentedPipe } from './documented-pipe.js';

/** A parameter a route checks with a documented pipe: where it is, its name, what it accepts. */
export interface CheckedParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: SchemaObject;
  required?: boolean;
}

/** What Nest knows of a route that the generated document does not say: who may call it, how its inputs are checked. */
export interface RouteFacts {
  /** Needs no token (@Public). */
  public: boolean;
  /** Only these roles may call it (@Roles); 403 for the others. */
  roles: readonly Role[] | undefined;
  parameters: CheckedParameter[];
}

const PLACES: Partial<Record<RouteParamtypes, CheckedParameter['in']>> = {
  [RouteParamtypes.PARAM]: 'path',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.HEADERS]: 'header',
};

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/** The parameters of one handler that a documented pipe checks (`@Query('limit', new LimitQuery())`). */
function checkedParameters(controller: Type, method: string): CheckedParameter[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
  return Object.entries(args).flatMap(([key, argument]) => {
    const place = PLACES[Number(key.split(':')[0]) as RouteParamtypes];
    if (!place || typeof argument.data !== 'string') return [];
    const pipe = (argument.pipes ?? []).find(isDocumentedPipe);
    if (!pipe) return [];
    return [{ in: place, name: argument.data, schema: pipe.schema, ...(pipe.required ? { required: true } : {}) }];
  });
}

function metadata<T>(key: string, handler: object, controller: Type): T | undefined {
  return (
    (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined)
  );
}

/** Every route handler of the app, by the operationId the document gives it (`<Controller>_<method>`). */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as object;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        // The descriptor's value, so that no getter of the controller runs (they read injected services).
        const handler = Object.getOwnPropertyDescriptor(prototype, method)?.value as unknown;
        if (method === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        facts.set(`${controller.name}_${method}`, {
          public: metadata<boolean>(IS_PUBLIC, handler, controller) === true,
          roles: metadata<Role[]>(ROLES, handler, controller),
          parameters: checkedParameters(controller, method),
        });
      }
    }
  }
  return facts;
}
