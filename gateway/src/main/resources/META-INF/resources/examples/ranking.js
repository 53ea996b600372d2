// A ranking question that works with the keyboard alone: each item has real "Move up" and "Move down" buttons, and
// a live region says where the item went. There is no drag and drop, which many keyboard, switch and screen-reader
// users cannot do.
import { el, hiddenText, localised } from './dom.js';

/**
 * Adds the items of a RANKING question to its fieldset and returns what the form needs of it. The order on screen
 * is the answer only once the respondent says so, by moving an item or ticking the box: an untouched list must not
 * pass for an opinion, or the order the survey happens to list the items in would win.
 */
export function rankingQuestion(question, fieldset, ids, language) {
  const list = el('ol', { class: 'ranking', id: ids.part('items') });
  const announcement = el('p', { class: 'visually-hidden', 'aria-live': 'polite', id: ids.part('announcement') });
  const confirmed = el('input', { type: 'checkbox', id: ids.part('confirmed') });
  const labels = new Map(question.options.map((o) => [o.id, localised(o.label, language)]));

  for (const option of question.options) {
    list.append(item(option, labels.get(option.id), language));
  }
  fieldset.append(
    list,
    el('div', { class: 'option' }, confirmed, el('label', { for: ids.part('confirmed') }, 'Use this order as my answer')),
    announcement,
  );
  refreshButtons(list);

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-move]');
    if (button) {
      move(button.closest('li'), button.dataset.move);
    }
  });

  function move(li, direction) {
    const neighbour = direction === 'up' ? li.previousElementSibling : li.nextElementSibling;
    if (!neighbour) {
      return;
    }
    // The neighbour moves, not the item: the focused button stays in the document, so focus never drops to the page.
    if (direction === 'up') {
      li.after(neighbour);
    } else {
      li.before(neighbour);
    }
    refreshButtons(list);
    keepFocus(li, direction);
    confirmed.checked = true;
    const position = [...list.children].indexOf(li) + 1;
    announcement.textContent = `${labels.get(li.dataset.item)}: now number ${position} of ${list.children.length}.`;
  }

  return {
    answer() {
      if (!confirmed.checked) {
        return null;
      }
      const order = [...list.children].map((li) => li.dataset.item);
      return { ranking: order.slice(0, question.rankTopN ?? order.length) };
    },
    firstControl: () => list.querySelector('button:not([disabled])'),
  };
}

function item(option, label, language) {
  const description = localised(option.description, language);
  return el('li', { 'data-item': option.id },
    el('span', { class: 'ranking-label' }, label),
    description ? el('span', { class: 'ranking-description' }, description) : null,
    el('span', { class: 'ranking-buttons' },
      el('button', { type: 'button', 'data-move': 'up' }, 'Move up', hiddenText(`: ${label}`)),
      el('button', { type: 'button', 'data-move': 'down' }, 'Move down', hiddenText(`: ${label}`))));
}

/** The first item cannot go up and the last cannot go down. */
function refreshButtons(list) {
  for (const li of list.children) {
    li.querySelector('[data-move="up"]').disabled = !li.previousElementSibling;
    li.querySelector('[data-move="down"]').disabled = !li.nextElementSibling;
  }
}

/** A button that just became disabled loses focus; its partner on the same item takes it, so the next key press works. */
function keepFocus(li, direction) {
  const pressed = li.querySelector(`[data-move="${direction}"]`);
  const other = li.querySelector(`[data-move="${direction === 'up' ? 'down' : 'up'}"]`);
  (pressed.disabled ? other : pressed).focus();
}
