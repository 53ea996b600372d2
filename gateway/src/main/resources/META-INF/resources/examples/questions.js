// Renders the six question types of a Chorus survey as native form controls, each group in a fieldset with a
// legend and each control with a label, and reads the answers back in the shape the API takes.
import { el, localised } from './dom.js';
import { rankingQuestion } from './ranking.js';

/**
 * One question on the page: its element, its answer (null when left blank, so it is not sent), and where its
 * error is shown. The element's id is "q-<question id>", which error summary links point at.
 */
export function renderQuestion(question, language) {
  const ids = { question: `q-${question.id}`, part: (name) => `q-${question.id}-${name}` };
  const hint = hintFor(question, localised(question.help, language));
  const error = el('p', { class: 'error-message', id: ids.part('error'), hidden: true });
  const describedBy = [hint ? ids.part('hint') : null, ids.part('error')].filter(Boolean).join(' ');
  const title = [localised(question.text, language), question.required ? ' (required)' : ''];
  const hintElement = hint ? el('p', { class: 'hint', id: ids.part('hint') }, hint) : null;

  let element;
  let parts;
  if (question.type === 'FREE_TEXT') {
    const input = el('textarea', { id: ids.part('input'), name: ids.question, rows: 5, 'aria-describedby': describedBy,
      maxlength: question.maxLength ?? 2000, required: question.required === true });
    element = el('div', { class: 'question', id: ids.question },
      el('label', { class: 'question-title', for: ids.part('input') }, title), hintElement, error, input);
    parts = { answer: () => (input.value.trim() ? { text: input.value } : null), firstControl: () => input };
  } else {
    element = el('fieldset', { class: 'question', id: ids.question, 'aria-describedby': describedBy },
      el('legend', { class: 'question-title' }, title), hintElement, error);
    parts = controlsFor(question, element, ids, language);
  }
  return {
    element,
    answer: parts.answer,
    focus: () => parts.firstControl().focus(),
    showError(message) {
      error.textContent = error.hidden ? message : `${error.textContent} ${message}`;
      error.hidden = false;
      element.classList.add('has-error');
    },
    clearError() {
      error.textContent = '';
      error.hidden = true;
      element.classList.remove('has-error');
    },
  };
}

function controlsFor(question, fieldset, ids, language) {
  const name = ids.question;
  const options = (question.options ?? []).map((o) => ({
    value: o.id, label: localised(o.label, language), description: localised(o.description, language) }));
  switch (question.type) {
    case 'RANKING':
      return rankingQuestion(question, fieldset, ids, language);
    case 'CHOOSE_SEVERAL':
      fieldset.append(...choices('checkbox', name, ids, options));
      return { answer: () => orNull(checked(fieldset, name), (picked) => ({ choices: picked })), ...first(fieldset) };
    case 'RATING':
      fieldset.append(el('div', { class: 'scale' }, choices('radio', name, ids, scale(question))));
      return { answer: () => orNull(checked(fieldset, name)[0], (point) => ({ rating: Number(point) })), ...first(fieldset) };
    case 'DEMOGRAPHIC':
      return demographic(question, fieldset, ids, options);
    default: // SINGLE_CHOICE, and any type newer than this page, which the API will then explain
      fieldset.append(...choices('radio', name, ids, options));
      return { answer: () => orNull(checked(fieldset, name)[0], (choice) => ({ choice })), ...first(fieldset) };
  }
}

/**
 * Demographic questions are always optional: "Prefer not to say" stands for leaving them out. Special-category ones
 * (ethnicity, disability and the like) are kept only with consent, which the respondent gives with the checkbox.
 */
function demographic(question, fieldset, ids, options) {
  const name = ids.question;
  fieldset.append(...choices('radio', name, ids, [...options, { value: '', label: 'Prefer not to say' }]));
  const consent = question.demographic === 'SPECIAL_CATEGORY'
    ? el('input', { type: 'checkbox', id: ids.part('consent') }) : null;
  if (consent) {
    fieldset.append(el('div', { class: 'option consent' }, consent,
      el('label', { for: ids.part('consent') }, 'I agree to this answer being kept. Without this it is not stored.')));
  }
  return {
    answer: () => orNull(checked(fieldset, name)[0],
      (choice) => (consent ? { choice, consent: consent.checked } : { choice })),
    ...first(fieldset),
  };
}

function choices(type, name, ids, options) {
  return options.map((o) => {
    const id = ids.part(`option-${o.value || 'none'}`);
    const description = o.description ? el('span', { class: 'option-description', id: `${id}-description` }, o.description) : null;
    return el('div', { class: 'option' },
      el('input', { type, id, name, value: o.value, 'aria-describedby': description ? `${id}-description` : null }),
      el('label', { for: id }, o.label), description);
  });
}

function scale(question) {
  const points = [];
  for (let point = question.scaleMin; point <= question.scaleMax; point++) {
    points.push({ value: String(point), label: String(point) });
  }
  return points;
}

function hintFor(question, help) {
  const rule = {
    RANKING: 'Put the most important first: use the "Move up" and "Move down" buttons next to each item.'
      + (question.rankTopN ? ` Only your top ${question.rankTopN} count.` : ''),
    CHOOSE_SEVERAL: choiceRule(question),
    FREE_TEXT: `Up to ${question.maxLength ?? 2000} characters.`,
    RATING: `From ${question.scaleMin} (lowest) to ${question.scaleMax} (highest).`,
  }[question.type];
  return [help, rule].filter(Boolean).join(' ');
}

function choiceRule(question) {
  const min = question.minChoices ?? 0;
  const max = question.maxChoices ?? (question.options ?? []).length;
  if (min > 0) {
    return `Choose at least ${min} and at most ${max}.`;
  }
  return max < (question.options ?? []).length ? `Choose up to ${max}.` : 'Choose all that apply.';
}

/** The values of the ticked boxes or the chosen radio button; "Prefer not to say" has the empty value. */
function checked(fieldset, name) {
  return [...fieldset.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value).filter(Boolean);
}

function orNull(value, toAnswer) {
  const blank = value === undefined || (Array.isArray(value) && value.length === 0);
  return blank ? null : toAnswer(value);
}

function first(fieldset) {
  return { firstControl: () => fieldset.querySelector('input') };
}
