// The names of days and months, shared by the stages that must step over them: "Iran on Monday threatened …",
// "demanded Friday that …", "three killed Sunday".

export const WEEKDAY_NAMES: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Words that name a day by where it stands from now. */
export const DAY_DEICTICS: readonly string[] = ['today', 'yesterday', 'tonight', 'tomorrow'];
