// Shows what went wrong in words a respondent can act on: an error summary at the top of the form, which takes the
// focus so that screen-reader and keyboard users land on it, with a link to each question that needs attention.
import { el } from './dom.js';

/** Server rules whose words are written for developers ("send consent true"), said again for respondents. */
const FOR_RESPONDENTS = {
  required: 'Please answer this question.',
  'consent-required': 'Tick the box to agree to this answer being kept, or choose "Prefer not to say".',
};

/**
 * The API reports each broken rule at a JSON pointer such as /answers/<question id>/choices, with a detail that
 * starts with the rule's name: "too-many-choices: choose at most 3". Returns [{questionId, message}], questionId
 * null for errors no question of the page can show.
 */
export function answerErrors(fieldErrors, questionIds) {
  return fieldErrors.map((error) => {
    const [, top, questionId] = (error.pointer ?? '').split('/');
    const known = top === 'answers' && questionIds.has(questionId);
    return { questionId: known ? questionId : null, message: respondentMessage(error.detail) };
  });
}

export function respondentMessage(detail) {
  const rule = /^([a-z][a-z-]*): (.+)$/s.exec(detail ?? '');
  if (!rule) {
    return detail || 'Something about your answers was not accepted.';
  }
  const words = FOR_RESPONDENTS[rule[1]] ?? rule[2].charAt(0).toUpperCase() + rule[2].slice(1);
  return /[.!?]$/.test(words) ? words : `${words}.`;
}

/** The summary box; hidden until there is something to say. */
export function errorSummary() {
  const list = el('ul', { class: 'error-summary-list' });
  const box = el('div', { class: 'error-summary', id: 'error-summary', tabindex: -1, role: 'alert',
    'aria-labelledby': 'error-summary-title', hidden: true },
  el('h2', { id: 'error-summary-title' }, 'There is a problem'), list);
  return {
    element: box,
    /** items: [{message, questionId?, title?}]; a linked item moves the focus to its question's first control. */
    show(items, questions) {
      list.replaceChildren(...items.map((item) => el('li', {}, item.questionId
        ? link(item, questions.get(item.questionId))
        : item.message)));
      box.hidden = false;
      box.focus();
    },
    hide() {
      list.replaceChildren();
      box.hidden = true;
    },
  };
}

function link(item, question) {
  const separator = /[.?!:]$/.test(item.title) ? ' ' : ': ';
  const a = el('a', { href: `#q-${item.questionId}` }, item.title + separator + item.message);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    question.focus();
  });
  return a;
}
