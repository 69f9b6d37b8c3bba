// `sitrep gazetteer import FILE...`: GeoNames country dumps layered over the bundled gazetteer.
import { importGeoNames } from '../../resources/geonames-import.ts';

export async function runGazetteerImport(files: string[], options: { into: string }): Promise<number> {
  const result = await importGeoNames(files, options.into, {
    onProblem: (p) => process.stderr.write(`sitrep: ${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.reason}\n`),
  });
  for (const f of result.files) {
    process.stdout.write(
      `${f.file}: ${f.lines} lines, ${f.kept} places kept → ${f.output} (${f.skipped} of other kinds, ${f.bad} bad)\n`,
    );
  }
  process.stdout.write(
    `Imported places are used by every command run from this folder (set SITREP_GAZETTEER to keep them elsewhere).\n`,
  );
  return result.problems.some((p) => p.line === 0) ? 1 : 0;
}
