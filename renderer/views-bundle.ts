/**
 * views.js: what the popover shows besides its rooms (the settings, the alert log, one room in full)
 * with the words only they say (i18n/view-words.ts), and the loader of the chart a room's view draws. Out of popover.js, which a cold page compiles and
 * runs before its first rows: about a third of its code, which no first row needs. Loaded by
 * views-loader.ts at the page's first touch or when one of these views is first asked for.
 */
export { alertLogView } from './alerts/alert-log-view';
export { withViewWords } from './i18n/view-words';
export { loadRoomChart } from './room-view/room-chart-loader';
export { RoomDetail } from './room-view/room-detail';
export { settingsView } from './settings/settings-view';
