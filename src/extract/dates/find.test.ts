import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceOf } from '../testing.ts';
import { findDates } from './find.ts';
import type { DateContext, DatePrecision, RelativeDate } from './types.ts';

/** Publication day of most rows: Tuesday 13 July 2021. */
const P = '2021-07-13';

interface Expected {
  text: string;
  start: string;
  end: string;
  precision: DatePrecision;
  future?: boolean;
  rule?: string;
  relative?: Partial<RelativeDate>;
}

function d(text: string, start: string, end: string, precision: DatePrecision, more: Partial<Expected> = {}): Expected {
  return { text, start, end, precision, ...more };
}

type Row = [sentence: string, context: DateContext, expected: Expected[]];

const ROWS: Row[] = [
  // explicit dates (chrono)
  [
    'Army artillery shelled the village on 14 March 2021, residents said.',
    { published: P },
    [d('on 14 March 2021', '2021-03-14', '2021-03-14', 'day', { rule: 'chrono:explicit' })],
  ],
  [
    'The convoy was ambushed on March 14, 2021 near Tikrit.',
    { published: P },
    [d('on March 14, 2021', '2021-03-14', '2021-03-14', 'day')],
  ],
  [
    'Protesters stormed the provincial council on March 3.',
    { published: P },
    [d('on March 3', '2021-03-03', '2021-03-03', 'day')],
  ],
  [
    'Saboteurs cut the power line on December 20.',
    { published: '2021-01-05' },
    [d('on December 20', '2020-12-20', '2020-12-20', 'day')],
  ],
  [
    'The strike came on Monday, July 12.',
    { published: P },
    [d('on Monday, July 12', '2021-07-12', '2021-07-12', 'day')],
  ],
  [
    'BAGHDAD, July 12 (Reuters) - Rockets hit the base.',
    { published: P },
    [d('July 12', '2021-07-12', '2021-07-12', 'day')],
  ],
  ['The June 20 airstrikes destroyed two depots.', { published: P }, [d('June 20', '2021-06-20', '2021-06-20', 'day')]],
  [
    'The summit will be held on March 3.',
    { published: P },
    [d('on March 3', '2022-03-03', '2022-03-03', 'day', { future: true })],
  ],
  [
    'The blast happened on 2021-07-04 near Kirkuk.',
    { published: P },
    [d('on 2021-07-04', '2021-07-04', '2021-07-04', 'day')],
  ],
  [
    'Under the plan, the army will leave the city in mid-August, a spokesman said.',
    { published: P },
    [d('in mid-August', '2021-08-11', '2021-08-20', 'month', { future: true })],
  ],
  [
    'Negotiators will meet again this week.',
    { published: P },
    [d('this week', '2021-07-13', '2021-07-18', 'week', { future: true })],
  ],
  [
    'The dam was completed on 14 March 2011.',
    { published: null },
    [d('on 14 March 2011', '2011-03-14', '2011-03-14', 'day')],
  ],

  // weekdays: the latest such day on or before publication (a Tuesday)
  [
    'Gunmen attacked a police post on Monday.',
    { published: P },
    [d('on Monday', '2021-07-12', '2021-07-12', 'day', { rule: 'rule:weekday-past' })],
  ],
  [
    'A roadside bomb struck a patrol on Tuesday night.',
    { published: P },
    [d('on Tuesday night', '2021-07-13', '2021-07-13', 'day')],
  ],
  ["Sunday's attack on the market killed nine.", { published: P }, [d('Sunday', '2021-07-11', '2021-07-11', 'day')]],
  [
    'Mortar rounds hit the Green Zone early Wednesday.',
    { published: P },
    [d('early Wednesday', '2021-07-07', '2021-07-07', 'day')],
  ],
  [
    'A march on Sunday drew thousands of people.',
    { published: P },
    [d('on Sunday', '2021-07-11', '2021-07-11', 'day')],
  ],
  [
    'On Monday the talks will resume in Geneva.',
    { published: P },
    [d('On Monday', '2021-07-19', '2021-07-19', 'day', { future: true, rule: 'rule:weekday-future' })],
  ],
  [
    'The foreign minister said on Monday that talks will resume.',
    { published: P },
    [d('on Monday', '2021-07-12', '2021-07-12', 'day', { rule: 'rule:weekday-past' })],
  ],
  [
    'Two rockets were fired at the base last Friday.',
    { published: P },
    [d('last Friday', '2021-07-09', '2021-07-09', 'day')],
  ],

  // counted from publication
  [
    'Two Katyusha rockets landed near the embassy yesterday.',
    { published: P },
    [d('yesterday', '2021-07-12', '2021-07-12', 'day', { rule: 'rule:yesterday' })],
  ],
  ['The prime minister visits Basra today.', { published: P }, [d('today', '2021-07-13', '2021-07-13', 'day')]],
  [
    'Drones targeted a fuel depot last night.',
    { published: P },
    [d('last night', '2021-07-12', '2021-07-12', 'day', { rule: 'rule:last-night' })],
  ],
  [
    'Tribal leaders met the governor earlier this week.',
    { published: P },
    [d('earlier this week', '2021-07-12', '2021-07-12', 'week')],
  ],
  ['Negotiators have met twice this week.', { published: P }, [d('this week', '2021-07-12', '2021-07-13', 'week')]],
  [
    'Militia leaders met an Iranian envoy last week.',
    { published: P },
    [d('last week', '2021-07-05', '2021-07-11', 'week', { rule: 'rule:last-week' })],
  ],
  ['The truce collapsed late last week.', { published: P }, [d('late last week', '2021-07-08', '2021-07-11', 'week')]],
  [
    'The parliament dissolved itself last month.',
    { published: P },
    [d('last month', '2021-06-01', '2021-06-30', 'month')],
  ],
  ['Food prices have doubled this month.', { published: P }, [d('this month', '2021-07-01', '2021-07-13', 'month')]],
  ['The group lost its leader last year.', { published: P }, [d('last year', '2020-01-01', '2020-12-31', 'year')]],
  [
    'Rockets hit the airport for the second time this year.',
    { published: P },
    [d('this year', '2021-01-01', '2021-07-13', 'year')],
  ],
  [
    'Ministers are due to meet next week.',
    { published: P },
    [d('next week', '2021-07-19', '2021-07-25', 'week', { future: true })],
  ],
  [
    'Drone strikes hit the area over the weekend.',
    { published: P },
    [d('the weekend', '2021-07-10', '2021-07-11', 'range')],
  ],
  [
    'Gunmen killed two border guards two days ago.',
    { published: P },
    [d('two days ago', '2021-07-11', '2021-07-11', 'day')],
  ],
  [
    'The pipeline was sabotaged three weeks ago.',
    { published: P },
    [d('three weeks ago', '2021-06-21', '2021-06-27', 'week')],
  ],
  [
    'Over the past 24 hours, 14 strikes were recorded.',
    { published: P },
    [d('Over the past 24 hours', '2021-07-12', '2021-07-13', 'range')],
  ],

  // vague spans before publication
  [
    'Several drones have been shot down in recent days.',
    { published: P },
    [d('in recent days', '2021-07-06', '2021-07-12', 'range', { rule: 'rule:recent-days' })],
  ],
  [
    'Attacks on supply convoys have increased in recent days and weeks.',
    { published: P },
    [d('in recent days and weeks', '2021-06-01', '2021-07-12', 'range', { rule: 'rule:recent-weeks' })],
  ],
  [
    'The number of kidnappings has risen in recent weeks.',
    { published: P },
    [d('in recent weeks', '2021-06-01', '2021-07-12', 'range')],
  ],
  [
    'Warplanes hit arms depots on June 20 after mortar fire in previous days and weeks.',
    { published: P },
    [
      d('on June 20', '2021-06-20', '2021-06-20', 'day'),
      d('in previous days and weeks', '2021-05-09', '2021-06-19', 'range', { rule: 'rule:prior-weeks:sentence' }),
    ],
  ],
  [
    'The raids answered mortar fire in prior weeks.',
    { published: P, anchor: { start: '2021-06-20', end: '2021-06-20' } },
    [d('in prior weeks', '2021-05-09', '2021-06-19', 'range', { rule: 'rule:prior-weeks:context' })],
  ],

  // months, years, decades, seasons
  [
    'Shelling intensified around 3 February (midweek), monitors said.',
    { published: P },
    [d('around 3 February', '2021-02-02', '2021-02-04', 'range', { rule: 'rule:around-day' })],
  ],
  [
    'Government forces launched a counteroffensive in mid-March.',
    { published: P },
    [d('in mid-March', '2021-03-11', '2021-03-20', 'month')],
  ],
  ['The siege began in May 2020.', { published: P }, [d('in May 2020', '2020-05-01', '2020-05-31', 'month')]],
  [
    'The insurgents regrouped in early 2020.',
    { published: P },
    [d('in early 2020', '2020-01-01', '2020-04-30', 'year')],
  ],
  ['The mayor was abducted in late 2020.', { published: P }, [d('in late 2020', '2020-09-01', '2020-12-31', 'year')]],
  [
    'The brigade was disbanded in 2016.',
    { published: P },
    [d('in 2016', '2016-01-01', '2016-12-31', 'year', { rule: 'rule:bare-year' })],
  ],
  [
    'The 2019 protests forced the cabinet to resign.',
    { published: P },
    [d('2019', '2019-01-01', '2019-12-31', 'year')],
  ],
  ['The movement was born in the 1990s.', { published: P }, [d('in the 1990s', '1990-01-01', '1999-12-31', 'range')]],
  [
    'Fighting slowed in the summer of 2014.',
    { published: P },
    [d('in the summer of 2014', '2014-06-01', '2014-08-31', 'range')],
  ],
  [
    'The Good Friday Agreement was signed in 1998.',
    { published: P },
    [d('in 1998', '1998-01-01', '1998-12-31', 'year')],
  ],
  ['Protesters returned to the square in May.', { published: null }, []],
  [
    'The monitors recorded 900 casualties in the first half of 2021.',
    { published: P },
    [d('in the first half of 2021', '2021-01-01', '2021-06-30', 'range', { rule: 'rule:piece-of-period' })],
  ],
  [
    'The offensive began in the first week of June.',
    { published: P },
    [d('in the first week of June', '2021-06-01', '2021-06-07', 'week')],
  ],
  [
    'Coalition troops will leave by the end of the year.',
    { published: P },
    [d('the end of the year', '2021-10-01', '2021-12-31', 'year', { future: true })],
  ],
  [
    'The ceasefire largely held this past week.',
    { published: P },
    [d('this past week', '2021-07-07', '2021-07-13', 'range')],
  ],
  [
    "Security was tightened ahead of Sunday's vote.",
    { published: P },
    [d('Sunday', '2021-07-18', '2021-07-18', 'day', { future: true })],
  ],
  [
    'The militia was founded in June last year.',
    { published: P },
    [d('in June last year', '2020-06-01', '2020-06-30', 'month')],
  ],
  [
    'Rockets struck a few days ago, a spokesman said.',
    { published: P },
    [d('a few days ago', '2021-07-08', '2021-07-11', 'range')],
  ],
  [
    'More strikes are expected in the coming days.',
    { published: P },
    [d('in the coming days', '2021-07-14', '2021-07-16', 'range', { future: true })],
  ],
  [
    'Rebels took the town on June 3, and later that day the army withdrew.',
    { published: P },
    [d('on June 3', '2021-06-03', '2021-06-03', 'day'), d('later that day', '2021-06-03', '2021-06-03', 'day')],
  ],

  // ranges
  [
    'Warplanes pounded the port on the night of 5–6 May.',
    { published: P },
    [d('on the night of 5–6 May', '2021-05-05', '2021-05-06', 'range', { rule: 'rule:night-of' })],
  ],
  [
    'At least 12 people died in clashes between 1 and 4 June.',
    { published: P },
    [d('between 1 and 4 June', '2021-06-01', '2021-06-04', 'range')],
  ],
  ['Fighting raged from 1 to 4 June.', { published: P }, [d('from 1 to 4 June', '2021-06-01', '2021-06-04', 'range')]],
  [
    'Clashes on May 30-June 2 killed nine people.',
    { published: P },
    [d('on May 30-June 2', '2021-05-30', '2021-06-02', 'range')],
  ],
  [
    'Sit-ins continued from May to July.',
    { published: P },
    [d('from May to July', '2021-05-01', '2021-07-13', 'range')],
  ],
  [
    'The siege lasted from March 2019 to June 2020.',
    { published: P },
    [d('from March 2019 to June 2020', '2019-03-01', '2020-06-30', 'range')],
  ],
  [
    'Reinforcements were deployed in March and April.',
    { published: P },
    [d('in March and April', '2021-03-01', '2021-04-30', 'range')],
  ],
  [
    'Fighting raged from 28 December to 3 January.',
    { published: '2021-01-10' },
    [d('from 28 December to 3 January', '2020-12-28', '2021-01-03', 'range')],
  ],
  [
    'The truce held between 1 June 2020 and 3 March 2021.',
    { published: P },
    [d('between 1 June 2020 and 3 March 2021', '2020-06-01', '2021-03-03', 'range', { rule: 'rule:between' })],
  ],
  [
    'The area was held by rebels between 2014 and 2017.',
    { published: P },
    [d('between 2014 and 2017', '2014-01-01', '2017-12-31', 'range')],
  ],
  [
    'More than 300 civilians have been killed since January.',
    { published: P },
    [d('since January', '2021-01-01', '2021-07-13', 'range', { rule: 'rule:since' })],
  ],
  [
    'The group has carried out 40 attacks since 2019.',
    { published: P },
    [d('since 2019', '2019-01-01', '2021-07-13', 'range')],
  ],

  // counted from another date
  [
    'A similar raid had taken place a week earlier.',
    { published: P },
    [d('a week earlier', '2021-07-06', '2021-07-06', 'day', { rule: 'rule:offset-before:publication' })],
  ],
  [
    'The commander had been warned the day before.',
    { published: P },
    [d('the day before', '2021-07-12', '2021-07-12', 'day')],
  ],
  [
    'Rebels withdrew the following day.',
    { published: P },
    [
      d('the following day', '2021-07-14', '2021-07-14', 'day', {
        future: true,
        rule: 'rule:following-day:publication',
      }),
    ],
  ],
  [
    'The militia retaliated the following day.',
    { published: P, anchor: { start: '2021-06-27', end: '2021-06-27' } },
    [d('the following day', '2021-06-28', '2021-06-28', 'day', { rule: 'rule:following-day:context' })],
  ],
  [
    'The town fell on June 27 and the army retook it two days later.',
    { published: P },
    [
      d('on June 27', '2021-06-27', '2021-06-27', 'day'),
      d('two days later', '2021-06-29', '2021-06-29', 'day', { rule: 'rule:offset-after:sentence' }),
    ],
  ],
  [
    'The militia struck two weeks after the June 20 strikes.',
    { published: P },
    [
      d('two weeks after', '2021-07-04', '2021-07-04', 'day', {
        relative: { direction: 'after', weeks: 2, approximate: false, anchorText: 'the June 20 strikes' },
      }),
      d('June 20', '2021-06-20', '2021-06-20', 'day'),
    ],
  ],
  [
    'The election comes nearly two years after the 2019 uprising.',
    { published: P },
    [
      d('nearly two years after', '2020-07-01', '2021-07-13', 'range', {
        relative: {
          direction: 'after',
          years: 2,
          approximate: true,
          anchorText: 'the 2019 uprising',
          anchorRange: { start: '2019-01-01', end: '2019-12-31' },
        },
      }),
      d('2019', '2019-01-01', '2019-12-31', 'year'),
    ],
  ],
  [
    'The ceasefire collapsed more than a year after rebels seized the airport.',
    { published: P },
    [
      d('more than a year after', '2019-07-13', '2021-07-13', 'range', {
        rule: 'rule:offset-after-undated-anchor',
        relative: {
          direction: 'after',
          years: 1,
          approximate: true,
          anchorText: 'rebels seized the airport',
          anchorRange: { start: '2019-07-13', end: '2020-07-13' },
        },
      }),
    ],
  ],
  ['Gunmen attacked the checkpoint on Monday.', { published: null }, []],
  [
    'Greece closed the border crossing on Thursday, one day after a patrol boat was fired on.',
    { published: P },
    [
      d('on Thursday', '2021-07-08', '2021-07-08', 'day'),
      d('one day after', '2021-07-08', '2021-07-08', 'day', {
        rule: 'rule:offset-after-undated-anchor:sentence',
        relative: {
          direction: 'after',
          days: 1,
          approximate: false,
          anchorText: 'a patrol boat was fired on',
          anchorRange: { start: '2021-07-07', end: '2021-07-07' },
        },
      }),
    ],
  ],

  // not dates
  ['The council renewed Resolution 2254 and condemned the attack.', { published: P }, []],
  ['An F-16 crashed during a training flight.', { published: P }, []],
  ['The curfew starts at 5 p.m. across the province.', { published: P }, []],
  ['The suspect, aged 25, was arrested with four accomplices.', { published: P }, []],
  ['Four attacks hit the province.', { published: P }, []],
  ['Insurgents may attack the convoy, officials warned.', { published: P }, []],
  ['Theresa May met the Iraqi president.', { published: P }, []],
  ['The 1st Brigade withdrew from the town.', { published: P }, []],
  ['Shelling killed 2,019 people.', { published: P }, []],
  ['Some 1500 fighters crossed the border.', { published: P }, []],
  ['Officials discussed Vision 2030 with the delegation.', { published: P }, []],
  ['Elders threatened a general strike within 10 days.', { published: P }, []],
  ['Police said the 24/7 patrols would continue.', { published: P }, []],
  ['The airport was shelled at 0600 GMT.', { published: P }, []],
  ['The Sunday Times first reported the raid.', { published: P }, []],
  ['The protest march in Baghdad ended peacefully.', { published: P }, []],
];

for (const [sentence, context, expected] of ROWS) {
  test(`dates: ${sentence} (${context.published ?? 'no date'})`, () => {
    const s = sentenceOf(sentence);
    const found = findDates(s, context);
    assert.deepEqual(
      found.map((m) => m.text),
      expected.map((e) => e.text),
      `texts of ${JSON.stringify(found)}`,
    );
    found.forEach((m, i) => {
      const e = expected[i];
      if (!e) return;
      assert.equal(sentence.slice(m.start - s.start, m.end - s.start), m.text, 'offsets');
      assert.equal(m.sentence, s.index);
      assert.deepEqual(m.range, { start: e.start, end: e.end }, `range of ${m.text} (${m.rule})`);
      assert.equal(m.precision, e.precision, `precision of ${m.text}`);
      assert.equal(m.future, e.future ?? false, `future of ${m.text}`);
      if (e.rule) assert.equal(m.rule, e.rule);
      if (e.relative) {
        assert.ok(m.relative, `relative of ${m.text}`);
        for (const [k, v] of Object.entries(e.relative)) {
          assert.deepEqual((m.relative as unknown as Record<string, unknown>)[k], v, `relative.${k}`);
        }
      }
    });
  });
}
