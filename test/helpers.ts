// Shared by the end-to-end tests: resources are built once per test file.
import type { ExtractionResources } from '../src/extract/pipeline.ts';
import { loadResources } from '../src/resources/load.ts';

let shared: ExtractionResources | undefined;

export function testResources(): ExtractionResources {
  shared ??= loadResources();
  return shared;
}
