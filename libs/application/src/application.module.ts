import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, SystemClock } from '@enlace/clock';
import { CommandPipeline } from './command-pipeline.js';
import { USE_CASE_HANDLERS } from './use-cases.js';

/** The pipeline, the clock and the use cases (on @nestjs/cqrs' CommandBus), for every process that writes. */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [{ provide: Clock, useClass: SystemClock }, CommandPipeline, ...USE_CASE_HANDLERS],
  exports: [Clock, CommandPipeline, CqrsModule],
})
export class ApplicationModule {}
