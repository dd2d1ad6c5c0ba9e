/**
 * Every string the popover shows, in English. The keys are the source of truth: the Chinese
 * dictionary has exactly these keys and the same `{placeholders}` (a test checks both).
 */
export const en = {
  'app.title': 'Headcount',

  'total.online': '{count} online',
  'total.missing': '{count} without a count',
  'total.filtered': '{shown} match, {count} online',
  'total.announce': '{count} online in {rooms}',
  'total.label': 'Total across rooms',
  'rooms.one': '{count} room',
  'rooms.other': '{count} rooms',
  'separator.list': ', ',
  'separator.inline': ' · ',

  'control.language': 'Language',
  'control.language.system': 'Auto ({language})',
  'control.theme': 'Theme',
  'control.theme.system': 'Auto theme',
  'control.theme.light': 'Light',
  'control.theme.dark': 'Dark',
  'control.settings': 'Settings',
  'control.addApp': 'Add your app',
  'control.filter': 'Filter rooms',
  'control.filter.placeholder': 'Filter by name or id',
  'control.sort': 'Sort',
  'sort.count': 'Most online',
  'sort.change': 'Biggest change',
  'sort.name': 'Name',

  'list.label': 'Rooms',
  'list.pinned': 'Pinned',
  'list.help': 'Arrow keys move between rooms, Enter shows details, Right arrow reaches the pin.',
  'group.meta': '{rooms}, {count} online',

  'room.pin': 'Pin {name}',
  'room.unpin': 'Unpin {name}',
  'room.noCount': 'no count',
  'room.online': '{count} online',
  'room.change.up': 'up {count} in the last minute',
  'room.change.down': 'down {count} in the last minute',
  'room.change.flat': 'no change in the last minute',
  'room.change.title': 'Change over the last minute',

  'age.now': 'just now',
  'age.seconds': '{count} s ago',
  'age.minutes': '{count} min ago',
  'age.hours': '{count} h ago',

  'state.waiting': 'waiting for the first count',
  'state.live': 'live',
  'state.stale': 'stale',
  'state.failing': 'failing, retrying',
  'state.rateLimited': 'rate-limited, slowed down',
  'state.credentialsRejected': 'credentials rejected',
  'state.accountBlocked': 'account cannot use the API',
  'state.paused': 'paused',
  'state.roomClosed': 'room closed',
  'state.notLiveRoom': 'not a live room',
  'state.invalidRoom': 'not a valid room id',
  'state.stopped': 'stopped',

  'detail.room': 'Room id {id} in {profile}',
  'detail.peak': 'Peak {count} at {time}',
  'detail.snoozed': 'Alerts snoozed until {time}',
  'detail.retry': 'Retry now',

  'status.loading': 'Loading rooms…',
  'status.empty.title': 'No rooms yet',
  'status.empty.body': 'Add room ids in Settings to watch their online counts.',
  'status.empty.action': 'Open Settings',
  'status.noMatch': 'No room matches “{text}”.',
  'status.noMatch.action': 'Clear the filter',
  'status.unreachable.title': 'Could not reach the engine: retrying…',
  'status.unreachable.body': 'Next try in {count} s.',
  'status.unreachable.action': 'Retry now',

  'banner.demo':
    'Demo mode: the built-in simulator plays a show. Add your app in Settings to watch real rooms.',
  'banner.paused': 'Polling is paused.',
  'banner.needsKey': '{profile}: enter the secret key in Settings to start polling.',
  'banner.stretched': '{profile}: {rooms} do not fit {cap} calls/s, so each is polled every {interval} s.',
  'banner.rateLimited': '{profile}: over the API rate limit, so polling slowed down; it recovers by itself.',
  'banner.authFailed': '{profile}: the server rejected the credentials. {reason}',
  'banner.reason': '{profile}: {reason}',

  'settings.label': 'Settings',
  'settings.profiles': 'App profiles',
  'settings.addApp': 'Add your app',
  'settings.profileLine': '{profile}: {note}',
  'settings.test': 'Test connection',
  'settings.save': 'Save',
  'settings.add': 'Add app',
  'settings.testing': 'Testing…',
  'settings.saving': 'Saving…',
  'settings.saved': 'Saved. {note}',
  'settings.rooms': 'Add rooms to {profile} (one id per line)',
  'settings.addRooms': 'Add rooms',
  'settings.added': 'Added {count}.',
  'settings.refused': '{id}: {reason}',
  'settings.back': 'Back to rooms',

  'field.name': 'Name',
  'field.sdkAppId': 'SDKAppID',
  'field.identifier': 'Admin identifier',
  'field.region': 'Region',
  'field.secretKey': 'Secret key',
  'field.secretKey.keep': 'Secret key (leave empty to keep the saved one)',

  'problem.label': 'Give the app a name, e.g. "Events Singapore".',
  'problem.sdkAppId': 'The SDKAppID is a whole number, like 1400000000.',
  'problem.identifier': 'The admin identifier is the App admin account from the IM console.',
  'problem.region': 'Choose the region where the app was created.',
} as const satisfies Record<string, string>;

/** A key of the UI's dictionaries. */
export type MessageKey = keyof typeof en;

/** Every dictionary has each key of the English one, each with the same placeholders. */
export type Dictionary = Record<MessageKey, string>;
