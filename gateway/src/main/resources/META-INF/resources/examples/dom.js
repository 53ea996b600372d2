// Small helpers for building the survey page. Every text that comes from the API goes in as text, never as HTML,
// so a survey's wording can never run as script on a partner's page.

/** An element with attributes (false, null and undefined ones left out) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Text that screen readers read but that is not shown, e.g. which item a "Move up" button moves. */
export function hiddenText(text) {
  return el('span', { class: 'visually-hidden' }, text);
}

/**
 * A label from the API: an object by language tag, e.g. {"en": "Food poverty"}. For a website the API has already
 * picked the reader's language (English where a label is not translated), so the first value is the one to show.
 */
export function localised(text, language) {
  if (!text) {
    return '';
  }
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** A longer text as paragraphs: the API separates them with blank lines. */
export function paragraphs(text, attributes = {}) {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => el('p', attributes, p));
}
