// CAMEO root codes with their Goldstein scores (GDELT's lookup tables).

export interface CameoRoot {
  code: string;
  label: string;
  goldstein: number;
  /** CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
}

const root = (code: string, label: string, goldstein: number, quad: CameoRoot['quad']): CameoRoot => ({
  code,
  label,
  goldstein,
  quad,
});

export const CAMEO_ROOTS: readonly CameoRoot[] = [
  root('01', 'Make public statement', 0, 1),
  root('02', 'Appeal', 3, 1),
  root('03', 'Express intent to cooperate', 4, 1),
  root('04', 'Consult', 1, 1),
  root('05', 'Engage in diplomatic cooperation', 3.5, 1),
  root('06', 'Engage in material cooperation', 6, 2),
  root('07', 'Provide aid', 7, 2),
  root('08', 'Yield', 5, 2),
  root('09', 'Investigate', -2, 2),
  root('10', 'Demand', -5, 3),
  root('11', 'Disapprove', -2, 3),
  root('12', 'Reject', -4, 3),
  root('13', 'Threaten', -6, 3),
  root('14', 'Protest', -6.5, 3),
  root('15', 'Exhibit force posture', -7.2, 4),
  root('16', 'Reduce relations', -4, 4),
  root('17', 'Coerce', -7, 4),
  root('18', 'Assault', -9, 4),
  root('19', 'Fight', -10, 4),
  root('20', 'Use unconventional mass violence', -10, 4),
];

const BY_CODE = new Map(CAMEO_ROOTS.map((r) => [r.code, r]));

export function cameoRoot(code: string): CameoRoot {
  const found = BY_CODE.get(code);
  if (!found) throw new Error(`unknown CAMEO root code ${code}`);
  return found;
}
