// The Chorus API as a partner website uses it: a publishable key in the Authorization header, JSON in and out,
// and problem documents (RFC 9457) when something is wrong.

/** The API answered with an error; problem is its problem document. */
export class ApiProblem extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `The survey service answered ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The parts of the request that broke a rule: [{pointer: "/answers/<questionId>...", detail: "rule: words"}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** No answer arrived at all: offline, the connection dropped, or the browser refused the call. */
export class NetworkError extends Error {}

export class ChorusApi {
  constructor(baseUrl, publishableKey) {
    this.baseUrl = baseUrl;
    this.publishableKey = publishableKey;
    this.lastAttempt = null;
  }

  /** The surveys open now, in the language asked for ('' for the browser's own). */
  openSurveys(language) {
    return this.request('GET', '/api/v1/surveys?limit=50' + languageParameter('&', language));
  }

  /** One open survey with its questions and glossary. */
  survey(surveyId, language) {
    return this.request('GET', `/api/v1/surveys/${encodeURIComponent(surveyId)}` + languageParameter('?', language));
  }

  /** Sends a response and returns its receipt: {responseId, surveyId, surveyVersion, submittedAt, erasureToken}. */
  submit(surveyId, response) {
    const body = JSON.stringify(response);
    return this.request('POST', `/api/v1/surveys/${encodeURIComponent(surveyId)}/responses`, body, {
      'Content-Type': 'application/json',
      'Idempotency-Key': this.idempotencyKeyFor(surveyId, body),
    });
  }

  /**
   * One key per attempt at sending these answers. Sending the same answers again, as a person does when the network
   * failed and they cannot know whether the first try arrived, reuses the key, so the API hands back the first
   * receipt instead of storing the answers twice. Changed answers are a new attempt with a new key.
   */
  idempotencyKeyFor(surveyId, body) {
    const attempt = surveyId + '\n' + body;
    if (!this.lastAttempt || this.lastAttempt.attempt !== attempt) {
      this.lastAttempt = { attempt, key: randomKey() };
    }
    return this.lastAttempt.key;
  }

  async request(method, path, body, headers = {}) {
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        body,
        headers: { Accept: 'application/json', Authorization: `Bearer ${this.publishableKey}`, ...headers },
        mode: 'cors',
        credentials: 'omit',
        // A survey's answer says the browser may keep it and must ask again before each use (If-None-Match, 304);
        // every other answer says no-store. What is sent is never kept.
        cache: method === 'GET' ? 'default' : 'no-store',
      });
    } catch (cause) {
      throw new NetworkError(cause.message);
    }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new ApiProblem(response.status, json, response.headers.get('Retry-After'));
    }
    return json;
  }
}

function languageParameter(separator, language) {
  return language ? `${separator}lang=${encodeURIComponent(language)}` : '';
}

/** 128 random bits; crypto.getRandomValues works on plain http pages too, unlike crypto.randomUUID. */
function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
