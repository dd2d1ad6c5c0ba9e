/**
 * The English words of showing a room's count to its viewers: the room view's section, the row's
 * "push failing", the push-failing alert, and the budget of each API. Spread into the English
 * dictionary.
 */
export const enPush = {
  'rule.push-failing': 'Count not reaching viewers',
  'alert.push.title': '{room}: count not reaching viewers',
  'alert.rule.push-failing': 'Count not reaching viewers',
  'alert.push.recovered': 'the count reaches viewers again',
  'alert.group.push-failing': 'Counts not reaching viewers in {rooms}',

  'push.heading': 'Show the count to viewers',
  'push.intro':
    "Headcount writes this room's count into the room after each fresh count, where your app reads it and shows it to the audience.",
  'push.via': 'How',
  'push.via.off': 'Off',
  'push.via.group-attr': 'Group attribute (recommended)',
  'push.via.group-counter': 'Group counter (Pro, Pro Plus or Enterprise edition)',
  'push.via.message': 'Custom message (last resort)',
  'push.key': 'Key',
  'push.key.hint': 'Your app reads the count under this key; at most 32 bytes.',
  'push.quota':
    "Messages use the app's quota: trial and developer editions send 1,000 messages a day (one room every 10 s needs 8,640), and a live room's 40 messages a second are shared with chat.",
  'push.acknowledge': 'I know the message quota',
  'push.apply': 'Save',
  'push.saved': 'Saved.',
  'push.failed': 'Not saved: {reason}',
  'push.problem.key': 'Enter a key of 1 to 32 bytes.',
  'push.problem.acknowledge': 'Confirm that you know the message quota first.',
  'push.state.waiting': 'Waiting for a fresh count to write.',
  'push.state.ok': 'Written: {count} (counted at {time}).',
  'push.state.failing': 'Push failing: {reason}',
  'push.state.refused': 'Push stopped: {reason}',
  'push.state.closed': 'The room is gone: nothing more is written into it.',
  'push.viewers': 'Viewers see: {value}',
  'push.viewers.none': 'Viewers see nothing yet.',
  'push.refused.group-attr':
    'the server refused the group attribute: attributes need a live-stream room (AVChatRoom), at most 16 keys and 16 KB a room. Free a key, or choose a group counter or a message.',
  'push.refused.group-counter':
    'the server refused the group counter: group counters need the Pro, Pro Plus or Enterprise edition of Chat. Upgrade the app in the Chat console, or choose a group attribute.',
  'push.refused.message':
    'the server refused the message: trial and developer editions send at most 1,000 messages a day. Upgrade the app, or choose a group attribute.',
  'room.pushFailing': 'push failing: {reason}',

  'budget.heading': 'Calls per second, by API',
  'budget.line': '{command}: {used} of {cap}',
  'budget.slowed': '{command}: {used} of {cap}, slowed to {limit}',
} as const;
