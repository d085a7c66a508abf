import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, SystemClock } from '@enlace/clock';
import { ConsumersModule } from '@enlace/consumers';
import { CommandPipeline } from './command-pipeline.js';
import { AGGREGATE_QUERY_HANDLERS } from './aggregate-queries.js';
import { USE_CASE_HANDLERS } from './use-cases.js';
import { GetDrillRecordHandler } from './drill-record.js';
import { StoreMetrics } from './store-metrics.js';

/**
 * The pipeline, the clock, the process's feeds, the use cases (on @nestjs/cqrs' CommandBus) and the queries of one
 * aggregate's current state (on its QueryBus), for every process that writes.
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot(), ConsumersModule],
  providers: [
    { provide: Clock, useClass: SystemClock },
    CommandPipeline,
    ...USE_CASE_HANDLERS,
    ...AGGREGATE_QUERY_HANDLERS,
    GetDrillRecordHandler,
    StoreMetrics,
  ],
  exports: [Clock, CommandPipeline, CqrsModule, ConsumersModule],
})
export class ApplicationModule {}
