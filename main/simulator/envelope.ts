/**
 * The answers the IM REST API sends: HTTP 200, `application/json`, and the envelope
 * `{ActionStatus, ErrorCode, ErrorInfo, ...}` (doc 1047/34620).
 */

/** One HTTP answer, with the envelope code it carries (-1 when it carries none). */
export interface Answer {
  httpStatus: number;
  contentType: string;
  body: string;
  errorCode: number;
}

const JSON_TYPE = 'application/json';

/** Error texts close to the real server's, so clients can show `ErrorInfo` as they would in production. */
const ERROR_INFO: Readonly<Record<number, string>> = {
  10002: 'Internal server error, please retry',
  10004: 'Invalid parameter, please check the request body',
  10007: 'No permission: the group is not an AVChatRoom',
  10010: 'The group does not exist or has been disbanded',
  10015: 'Invalid group ID',
  60002: 'Malformed HTTP request: invalid method or URL parameters',
  60003: 'The request body is not valid JSON',
  60007: 'REST API call frequency exceeds the limit',
  60009: 'Unknown service or command',
  60012: 'The sdkappid parameter is missing',
  70001: 'UserSig expired, please generate a new one',
  70002: 'UserSig is empty',
  70003: 'UserSig is invalid and cannot be decoded',
  70009: 'UserSig verification failed: signature mismatch, check the secret key',
  70013: 'The identifier in the UserSig does not match the request identifier',
  70014: 'The SDKAppID in the UserSig does not match the request SDKAppID',
  70020: 'SDKAppID not found, check the SDKAppID and the region',
  70050: 'Too many UserSig verification failures, the app is locked for one minute',
  70403: 'The identifier is not an app administrator',
};

/** The server's text for `code`. */
export function errorInfo(code: number): string {
  return ERROR_INFO[code] ?? 'Error';
}

/** The envelope fields of a success, for answers assembled as text. */
export const OK_ENVELOPE = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } as const;

/** A JSON answer with HTTP 200. */
export function jsonAnswer(body: string, errorCode: number): Answer {
  return { httpStatus: 200, contentType: JSON_TYPE, body, errorCode };
}

/** A successful answer carrying `fields` after the envelope. */
export function okAnswer(fields: Record<string, unknown> = {}): Answer {
  return jsonAnswer(JSON.stringify({ ...OK_ENVELOPE, ...fields }), 0);
}

/** A failed answer: still HTTP 200, with `code` in the envelope. */
export function failAnswer(code: number, info: string = errorInfo(code)): Answer {
  return jsonAnswer(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info }), code);
}
