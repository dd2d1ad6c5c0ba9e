import type { StorageHealth } from '../../core/storage-health';
import { terminalText } from './terminal-text';

/**
 * Says on stderr what is wrong with the files now (damage found at start, a disk already full),
 * then each change as it happens: a part that cannot write, once, and again when it can.
 */
export function tellStorage(
  health: Pick<StorageHealth, 'notices' | 'onNews'>,
  write: (text: string) => unknown = (text) => process.stderr.write(text),
): () => void {
  for (const notice of health.notices()) write(`headcount: warning: ${terminalText(notice)}\n`);
  return health.onNews((news) =>
    write(`headcount: ${news.kind === 'recovered' ? '' : 'warning: '}${terminalText(news.text)}\n`),
  );
}
