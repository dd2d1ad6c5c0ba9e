/**
 * "Find live rooms": lists the app's live-stream rooms page by page with their names and a checkbox
 * each (those already watched are marked and cannot be chosen again); "Add selected" adds the
 * chosen ones at once.
 */
import type { LiveRoomsPage, MonitorApi } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { fieldset, messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';

/** The find form for the profile `profileId()` names when the search starts. */
export function findRoomsForm(api: MonitorApi, profileId: () => string, tr: ViewTranslator): HTMLElement {
  // Named, so assistive tech (and a test) can tell it from the other forms of the page.
  const form = el('form', { class: 'find-rooms', novalidate: '', 'aria-label': tr.t('find.legend') });
  const set = fieldset(tr.t('find.legend'));
  const list = el('ul', { class: 'found-rooms' });
  const answer = el('p', { class: 'answer', role: 'status' });
  const add = el('button', { type: 'submit', hidden: '' }, tr.t('find.add'));
  let searched = '';
  let next: string | null = null;
  let shown = 0;
  const more = button(tr.t('find.more'), () => void load(next ?? undefined), { hidden: '' });
  const find = button(tr.t('find.start'), () => {
    searched = profileId();
    list.replaceChildren();
    shown = 0;
    void load(undefined);
  });
  set.append(find, list, more);
  form.append(set, add, answer);

  const load = async (cursor: string | undefined) => {
    setText(answer, tr.t('find.loading'));
    more.hidden = true;
    try {
      const page = await api.findLiveRooms(searched, cursor);
      showPage(page);
    } catch (error) {
      setText(answer, messageOf(error));
    }
  };
  const showPage = (page: LiveRoomsPage) => {
    for (const room of page.rooms) list.append(roomChoice(room, shown++, tr));
    next = page.next;
    more.hidden = next === null;
    add.hidden = shown === 0;
    setText(answer, tr.t('find.shown', { shown, total: page.total }));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...list.querySelectorAll<HTMLInputElement>('input:checked:not(:disabled)')].map(
      (box) => box.value,
    );
    if (chosen.length === 0) {
      setText(answer, tr.t('find.noneChosen'));
      return;
    }
    api.addRooms(searched, chosen).then(
      (result) => {
        for (const key of result.added) {
          const groupId = key.slice(key.indexOf('/') + 1);
          const box = [...list.querySelectorAll<HTMLInputElement>('input')].find((b) => b.value === groupId);
          if (box) {
            box.disabled = true;
            box.nextElementSibling?.append(` (${tr.t('find.watched')})`);
          }
        }
        const refused = result.refused.map((r) =>
          tr.t('settings.refused', { id: r.groupId, reason: r.reason }),
        );
        setText(answer, [tr.t('settings.added', { count: result.added.length }), ...refused].join(' '));
      },
      (error: unknown) => setText(answer, messageOf(error)),
    );
  });
  return form;
}

function roomChoice(room: LiveRoomsPage['rooms'][number], index: number, tr: ViewTranslator): HTMLElement {
  const id = `found-${index}`;
  const item = el('li');
  const box = el('input', { type: 'checkbox', id, value: room.groupId });
  box.checked = room.watched;
  box.disabled = room.watched;
  const name = room.name ? `${room.name} · ${room.groupId}` : room.groupId;
  item.append(box, el('label', { for: id }, room.watched ? `${name} (${tr.t('find.watched')})` : name));
  return item;
}
