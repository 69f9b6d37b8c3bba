// The actor hierarchy analysis groups actors by (parents, backers, country names), read from the actor lexicon's
// files: `sitrep trends` and `sitrep serve` (for GET /trends and /network) build it once.
import { type ActorHierarchy, buildHierarchy } from '../analyze/levels.ts';
import { readActorData } from '../resources/actors.ts';
import { DEFAULT_DATA_DIR } from '../resources/version.ts';

export function hierarchyFor(options: { data?: string }): ActorHierarchy {
  const data = readActorData(options.data ?? DEFAULT_DATA_DIR);
  return buildHierarchy(data.entries, data.countries);
}
