import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, SystemClock } from '@enlace/clock';
import { ConsumersModule } from '@enlace/consumers';
import { CommandPipeline } from './command-pipeline.js';
import { USE_CASE_HANDLERS } from './use-cases.js';

/** The pipeline, the clock, the process's event feed and the use cases (on @nestjs/cqrs' CommandBus), for every process that writes. */
@Global()
@Module({
  imports: [CqrsModule.forRoot(), ConsumersModule],
  providers: [{ provide: Clock, useClass: SystemClock }, CommandPipeline, ...USE_CASE_HANDLERS],
  exports: [Clock, CommandPipeline, CqrsModule, ConsumersModule],
})
export class ApplicationModule {}
