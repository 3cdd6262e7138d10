// A failure as the elements show and report it, DOM-free (controllers import it): the text shown,
// never the credentials, and the detail of a btalk-error event.
import { format } from './localize.js';

/** A human message for any failure, safe to show as text (never the credentials). */
export function errorMessage(error, strings) {
  const message = (error && typeof error.message === 'string' && error.message) || String(error ?? '');
  if (error && typeof error.status === 'number' && error.status > 0 && !message.includes(String(error.status))) {
    return `${message} ${format(strings.errorStatus, { status: error.status })}`;
  }
  return message;
}

/** The { message, status, code, apiCode? } detail of a btalk-error event. */
export function errorDetail(error, message) {
  return {
    message,
    status: typeof error?.status === 'number' ? error.status : 0,
    code: typeof error?.code === 'string' ? error.code : (error?.name ?? 'error'),
    ...(error?.apiCode === undefined ? {} : { apiCode: error.apiCode }),
  };
}

/** The code of notConfiguredError(): each element says it in its own language (its `notConfigured` text). */
export const NOT_CONFIGURED = 'notConfigured';

/**
 * An element with no way to reach the API: no `client`, no `credentials`, and no `api-base` but the real
 * API's (which needs a token, so a proxy-mode client there could never work). Nothing is requested.
 */
export function notConfiguredError() {
  return Object.assign(new Error('btalk-forms: not connected to the API: set the element\'s api-base attribute to your proxy, '
    + 'or its credentials or client property'), { code: NOT_CONFIGURED });
}
