/** The first popover: every room with its count, change and state, kept current by the pushes. */
import type { MonitorApi, MonitorPush, MonitorSnapshot, RoomView } from '../main/contract/monitor-api';
import { banners, roomRow, sortRooms, total } from './room-rows';
import { settingsView } from './settings-view';

export function startPopover(api: MonitorApi, root: HTMLElement): () => void {
  let snapshot: MonitorSnapshot | null = null;
  let view: 'rooms' | 'settings' = 'rooms';
  const rooms = new Map<string, RoomView>();
  const show = (next: 'rooms' | 'settings') => {
    view = next;
    render(true);
  };
  // The settings form is drawn once when opened, so typing is not undone by the pushes that follow.
  const render = (force = false) => {
    if (!snapshot) return;
    if (view === 'settings') {
      if (force) root.replaceChildren(settingsView(api, snapshot, () => show('rooms')));
      return;
    }
    root.replaceChildren(
      header(snapshot, [...rooms.values()], () => show('settings')),
      list([...rooms.values()]),
    );
  };
  const apply = (push: MonitorPush) => {
    if (push.type === 'snapshot') {
      snapshot = push.snapshot;
      rooms.clear();
      for (const room of push.snapshot.rooms) rooms.set(room.key, room);
    } else if (push.type === 'rooms') for (const room of push.rooms) rooms.set(room.key, room);
    else if (push.type === 'rooms-removed') for (const key of push.keys) rooms.delete(key);
    else if (push.type === 'profiles' && snapshot) snapshot = { ...snapshot, profiles: push.profiles };
    else if (push.type === 'focus')
      root.querySelector<HTMLElement>(`[data-key="${CSS.escape(push.key)}"]`)?.focus();
    render();
  };
  const stop = api.onPush(apply);
  void api.getSnapshot().then((first) => apply({ type: 'snapshot', snapshot: first }));
  return stop;
}

function header(snapshot: MonitorSnapshot, rooms: RoomView[], openSettings: () => void): HTMLElement {
  const head = element('header');
  const sum = total(rooms);
  const settings = element(
    'button',
    { type: 'button', class: 'to-settings' },
    snapshot.demo ? 'Add your app' : 'Settings',
  );
  settings.addEventListener('click', openSettings);
  head.append(
    settings,
    element('h1', {}, `${sum.text} online`),
    element(
      'p',
      { class: 'sub' },
      `${rooms.length} room${rooms.length === 1 ? '' : 's'}${sum.missing ? `, ${sum.missing} without a count` : ''}`,
    ),
  );
  for (const line of banners(snapshot, snapshot.profiles))
    head.append(element('p', { class: 'banner', role: 'status' }, line));
  return head;
}

function list(rooms: RoomView[]): HTMLElement {
  const ul = element('ul', { class: 'rooms', 'aria-label': 'Rooms' });
  if (rooms.length === 0)
    ul.append(element('li', { class: 'empty' }, 'No rooms yet. Add room ids in Settings.'));
  for (const room of sortRooms(rooms)) {
    const row = roomRow(room);
    const li = element('li', { class: `room ${row.tone}`, tabindex: '0', 'data-key': row.key });
    li.setAttribute('aria-label', `${row.name}: ${row.count} online, ${row.state}`);
    li.append(
      element('span', { class: 'name' }, `${row.pinned ? '★ ' : ''}${row.name}`),
      element('span', { class: 'count' }, row.count),
      element('span', { class: `change ${row.changeDirection}` }, row.change),
      element('span', { class: 'state' }, [row.state, row.age].filter(Boolean).join(' · ')),
    );
    ul.append(li);
  }
  return ul;
}

function element(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
