// The example survey page: finds an open survey, shows it with its glossary, sends the response and shows the
// receipt. A partner copies this folder to its own website and sets its publishable key in index.html.
import { ApiProblem, ChorusApi, NetworkError } from './chorus-api.js';
import { el, localised, paragraphs } from './dom.js';
import { answerErrors, errorSummary } from './errors.js';
import { renderQuestion } from './questions.js';

const root = document.getElementById('chorus-survey');
const config = readConfig(root);
const api = new ChorusApi(config.apiBase, config.key);
const status = el('p', { class: 'status', role: 'status', id: 'chorus-status' });
let sending = false;

start();

/**
 * The key, survey and language come from the page's data-* attributes, and from ?key=, ?survey= and ?lang= in its
 * address. The API's address comes from the page alone: a link must never be able to send answers elsewhere.
 */
function readConfig(element) {
  const query = new URLSearchParams(window.location.search);
  return {
    apiBase: (element.dataset.apiBase || window.location.origin).replace(/\/+$/, ''),
    key: query.get('key') || element.dataset.key,
    surveyId: query.get('survey') || element.dataset.survey,
    lang: query.get('lang') || element.dataset.lang || '',
  };
}

async function start() {
  root.replaceChildren(status);
  if (!config.key) {
    say('This page needs a publishable key: add ?key=chorus_pk_... to its address, or set data-key in the page.');
    return;
  }
  say('Loading the survey…');
  try {
    if (config.surveyId) {
      showSurvey(await api.survey(config.surveyId, config.lang));
      return;
    }
    const open = (await api.openSurveys(config.lang)).items ?? [];
    if (open.length === 1) {
      showSurvey(open[0]);
    } else {
      showChoice(open);
    }
  } catch (error) {
    say(problemText(error));
  }
}

function showChoice(surveys) {
  if (surveys.length === 0) {
    say('No survey is open at the moment. Please come back later.');
    return;
  }
  say('');
  root.replaceChildren(el('h2', {}, 'Choose a survey'),
    el('ul', { class: 'survey-list' }, surveys.map((survey) => el('li', {},
      el('a', { href: linkTo(survey.id) }, localised(survey.definition.title, languageOf(survey.definition)))))),
    status);
}

function linkTo(surveyId) {
  const query = new URLSearchParams(window.location.search);
  query.set('survey', surveyId);
  return `?${query}`;
}

/** The language the API chose for this reader: the one its labels are keyed by. */
function languageOf(definition) {
  return Object.keys(definition.title)[0] ?? 'en';
}

function showSurvey(survey) {
  const { definition } = survey;
  const language = languageOf(definition);
  const title = localised(definition.title, language);
  document.documentElement.lang = language;
  document.title = title;
  document.getElementById('page-title').textContent = title;

  const questions = new Map();
  const form = el('form', { id: 'chorus-form', novalidate: true, 'aria-labelledby': 'page-title' });
  for (const section of definition.sections) {
    form.append(el('section', { class: 'survey-section', 'aria-labelledby': `s-${section.id}` },
      el('h2', { id: `s-${section.id}` }, localised(section.title, language)),
      paragraphs(localised(section.introduction, language)),
      section.questions.map((question) => {
        const shown = renderQuestion(question, language);
        questions.set(question.id, { ...shown, title: localised(question.text, language) });
        return shown.element;
      })));
  }
  form.append(el('button', { type: 'submit', class: 'submit' }, 'Send my answers'));
  const summary = errorSummary();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(survey.id, questions, summary);
  });
  say('');
  root.replaceChildren(...paragraphs(localised(definition.introduction, language), { class: 'introduction' }),
    ...glossary(definition.glossary ?? [], language), summary.element, form, status);
}

/** The survey's glossary, folded away until asked for; nothing when it has none. */
function glossary(terms, language) {
  if (terms.length === 0) {
    return [];
  }
  return [el('details', { class: 'glossary', id: 'glossary' },
    el('summary', {}, `Glossary: what ${terms.length} words and phrases in this survey mean`),
    el('dl', {}, terms.flatMap((term) => [
      el('dt', {}, localised(term.term, language)),
      el('dd', {}, localised(term.definition, language))])))];
}

async function send(surveyId, questions, summary) {
  if (sending) {
    return;
  }
  sending = true;
  const answers = {};
  for (const [id, question] of questions) {
    question.clearError();
    const answer = question.answer();
    if (answer) {
      answers[id] = answer;
    }
  }
  summary.hide();
  say('Sending your answers…');
  try {
    showReceipt(await api.submit(surveyId, { answers }));
  } catch (error) {
    say('');
    showProblem(error, questions, summary);
  } finally {
    sending = false;
  }
}

function showProblem(error, questions, summary) {
  if (!(error instanceof ApiProblem) || error.fieldErrors.length === 0) {
    summary.show([{ message: problemText(error) }], questions);
    return;
  }
  const items = answerErrors(error.fieldErrors, new Set(questions.keys()));
  for (const item of items.filter((i) => i.questionId)) {
    const question = questions.get(item.questionId);
    question.showError(item.message);
    item.title = question.title;
  }
  summary.show(items, questions);
}

/**
 * The receipt. One sent again after a lost connection, when the answers had arrived the first time, comes without
 * the erasure token: the API showed it in the first answer only, the one that did not reach the page. The survey's
 * organisation can still erase the response by its number.
 */
function showReceipt(receipt) {
  const heading = el('h2', { id: 'receipt-title', tabindex: -1 }, 'Thank you: your answers have arrived');
  const token = receipt.erasureToken;
  root.replaceChildren(el('section', { class: 'receipt', id: 'chorus-receipt', 'aria-labelledby': 'receipt-title' },
    heading,
    el('dl', {},
      el('dt', {}, 'Response number'), el('dd', {}, el('code', { id: 'receipt-response-id' }, receipt.responseId)),
      token && [el('dt', {}, 'Erasure token'), el('dd', {}, el('code', { id: 'receipt-erasure-token' }, token))]),
    el('p', {}, token
      ? 'If you change your mind, the erasure token lets you have these answers erased, so keep it somewhere '
        + 'safe. We keep only a scrambled copy of it, so nobody can show it to you again.'
      : 'Your answers had already arrived when the connection failed, and they are kept once. Their erasure token '
        + 'was shown only in the answer that did not reach you, and we keep only a scrambled copy of it, so nobody '
        + 'can show it to you again. If you change your mind, ask the organisation that runs this survey to erase '
        + 'your answers, and quote your response number.')));
  say('');
  heading.focus();
}

function problemText(error) {
  if (error instanceof NetworkError) {
    return 'The survey service could not be reached. Check your connection and try again: answers sent again are '
      + 'never stored twice.';
  }
  if (error instanceof ApiProblem) {
    return error.status === 429 && error.retryAfter
      ? `${error.message.replace(/\.?$/, '.')} Please try again in ${error.retryAfter} seconds.` : error.message;
  }
  return 'Something went wrong on this page. Please reload it and try again.';
}

function say(message) {
  status.textContent = message;
}
