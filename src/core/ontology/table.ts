// The mapping table of docs/ONTOLOGY.md, generated from the mappings themselves so the two cannot drift.
import { ACLED_ACTOR_TYPES, type AcledActorType } from './acled.ts';
import { cameoRoot } from './cameo.ts';
import { acledFor, cameoCodeFor } from './mappings.ts';
import { PLOVER, PLOVER_TYPES } from './plover.ts';

const ARMED: AcledActorType = 1;
const CIVILIANS: AcledActorType = 7;
const PROTESTERS: AcledActorType = 6;

export function ontologyTable(): string {
  const lines = [
    '| PLOVER type | mode | quad | PLOVER score | CAMEO root (Goldstein) | ACLED: armed side → armed side | ACLED: armed side → civilians | ACLED: → protesters |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const type of PLOVER_TYPES) {
    const info = PLOVER[type];
    for (const mode of [null, ...Object.keys(info.modes)]) {
      const root = cameoRoot(cameoCodeFor(type, mode));
      const acled = (recipient: AcledActorType) => {
        const code = acledFor(type, mode, { actor: ARMED, recipient });
        return code ? `${code.event_type} / ${code.sub_event_type}` : '—';
      };
      const score = mode === null ? info.intensity : (info.modes[mode] ?? info.intensity);
      lines.push(
        `| ${type} | ${mode ?? '(any)'} | ${info.quad} | ${score} | ${root.code} ${root.label} (${root.goldstein}) | ${acled(ARMED)} | ${acled(CIVILIANS)} | ${acled(PROTESTERS)} |`,
      );
    }
  }
  const actorTypes = Object.entries(ACLED_ACTOR_TYPES)
    .map(([code, label]) => `${code} ${label}`)
    .join(' · ');
  return `${lines.join('\n')}\n\nACLED actor types: ${actorTypes}.\n`;
}
