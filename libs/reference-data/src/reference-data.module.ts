import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ReferenceCatalog } from '@enlace/domain';
import { resolve } from 'node:path';
import { loadReferenceCatalog } from './load-reference-data.js';

/** DI token of the `ReferenceCatalog` loaded from config/ at start. */
export const REFERENCE_CATALOG = Symbol('REFERENCE_CATALOG');

export interface ReferenceDataModuleOptions {
  inject?: unknown[];
  /** Returns the config directory (holding reference/ and checklists/). */
  useFactory: (...args: never[]) => string;
}

@Global()
@Module({})
export class ReferenceDataModule {
  static forRootAsync(options: ReferenceDataModuleOptions): DynamicModule {
    return {
      module: ReferenceDataModule,
      providers: [
        {
          provide: REFERENCE_CATALOG,
          inject: (options.inject ?? []) as never[],
          useFactory: (...args: never[]): ReferenceCatalog =>
            loadReferenceCatalog(resolve(options.useFactory(...args))),
        },
      ],
      exports: [REFERENCE_CATALOG],
    };
  }
}
