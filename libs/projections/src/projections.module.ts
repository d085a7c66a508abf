import { Global, Module } from '@nestjs/common';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelArchive } from './read-model-archive.js';
import { ReadModelQueries } from './read-model-queries.js';

@Global()
@Module({
  providers: [ProjectionRunner, ReadModelArchive, ReadModelQueries],
  exports: [ProjectionRunner, ReadModelQueries],
})
export class ProjectionsModule {}
