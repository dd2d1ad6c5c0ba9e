import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../../../main/common/error-kinds';
import type { ErrorKind, RoomView } from '../../../main/contract/monitor-api';
import { errorState, roomState } from '../../../renderer/rooms/room-state';

const error = (kind: ErrorKind) => ({ kind, message: '' });
const room = (status: RoomView['status'], kind?: ErrorKind) => ({
  status,
  error: kind ? error(kind) : null,
});

describe('a room state in words', () => {
  it('reads the room status when its app is simply running', () => {
    expect(roomState(room('live'), 'running')).toEqual({ key: 'live', tone: 'ok' });
    expect(roomState(room('waiting'), 'running')).toEqual({ key: 'waiting', tone: 'muted' });
    expect(roomState(room('stale'), 'running')).toEqual({ key: 'stale', tone: 'warn' });
    expect(roomState(room('failing', 'transient'), 'running')).toEqual({ key: 'failing', tone: 'bad' });
  });

  it('says why a room stopped, whatever its app does', () => {
    expect(roomState(room('stopped', 'group-gone'), 'auth-failed').key).toBe('roomClosed');
    expect(roomState(room('stopped', 'not-live-room'), 'running')).toEqual({
      key: 'notLiveRoom',
      tone: 'bad',
    });
    expect(roomState(room('stopped', 'invalid-group'), 'running').key).toBe('invalidRoom');
    expect(roomState(room('stopped'), 'running').key).toBe('stopped');
  });

  it('takes rate limiting, rejected credentials and pausing from the app profile', () => {
    expect(roomState(room('live'), 'rate-limited')).toEqual({ key: 'rateLimited', tone: 'warn' });
    expect(roomState(room('stale'), 'auth-failed')).toEqual({ key: 'credentialsRejected', tone: 'bad' });
    expect(roomState(room('live'), 'paused')).toEqual({ key: 'paused', tone: 'muted' });
  });

  it('names the kind of failure of a failing room', () => {
    expect(roomState(room('failing', 'auth'), 'running').key).toBe('credentialsRejected');
    expect(roomState(room('failing', 'account'), 'running').key).toBe('accountBlocked');
    expect(roomState(room('failing', 'rate-limited'), undefined).key).toBe('rateLimited');
    // Still polled, so still failing, whatever a stopping kind would say of a stopped room.
    expect(roomState(room('failing', 'group-gone'), 'running').key).toBe('failing');
    expect(roomState(room('stopped', 'auth'), 'running').key).toBe('stopped');
  });

  it('gives every error kind the state it stands for, failing for the ones without their own', () => {
    const states = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, errorState(kind)]));
    expect(states).toEqual({
      auth: 'credentialsRejected',
      'rate-limited': 'rateLimited',
      transient: 'failing',
      'group-gone': 'roomClosed',
      'not-live-room': 'notLiveRoom',
      'invalid-group': 'invalidRoom',
      account: 'accountBlocked',
      protocol: 'failing',
      request: 'failing',
      unknown: 'failing',
    });
  });
});
