/** The English words of the views made for many rooms: the header's states, the table, the wall, the look. */
export const enViews = {
  'change.over': '/ {window}',
  'change.noHistory': 'not enough history yet',
  'change.noHistory.title': 'not enough history yet for a change over {window}',
  'chart.legend': 'Alert marks:',
  'log.filters.button': 'Filters',
  'log.filters.some': 'Filters ({count})',
  'log.room.placeholder': 'Name or id',
  'log.noRoom': 'No room matches that search.',
  'log.acknowledge.short': 'Acknowledge',
  'control.back.short': '← Rooms',
  'look.legend': 'Language and theme',
  'look.keptInApp': 'Applied at once and kept in this app’s settings.',
  'look.keptInPage': 'Applied at once and kept by this browser.',
} as const satisfies Record<string, string>;
