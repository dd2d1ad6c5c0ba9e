/** `powerMonitor` and `net`: events and the connectivity answer tests play. */
import { EventEmitter } from 'node:events';

export const powerMonitor = new EventEmitter();

export const net = {
  online: true,
  isOnline(): boolean {
    return net.online;
  },
};
