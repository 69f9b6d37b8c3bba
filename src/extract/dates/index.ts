// Stage DATE: public face.
export { weekOf } from './calendar.ts';
export { anchorFrom, findDates, findDatesInText, type LocalDate, resolveDateReference } from './find.ts';
export type { DateContext, DateMention, DatePrecision, DateRange, RelativeDate } from './types.ts';
