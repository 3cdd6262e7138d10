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
