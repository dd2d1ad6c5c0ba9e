import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from '../../../main/common/alert-rules';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import {
  inRuleOrder,
  letThroughOf,
  minSeverityFrom,
  webhookFilterWords,
  webhookRulesFrom,
} from '../../../renderer/settings/alert-filters';

const en = withViewWords(translator('en'));
const zh = withViewWords(translator('zh-CN'));

describe('quiet hours let-through', () => {
  it("shows the engine's default when the settings name none", () => {
    expect(letThroughOf({ start: '23:00', end: '07:00' })).toEqual(['closed', 'auth', 'account']);
    expect(letThroughOf(null)).toEqual(['closed', 'auth', 'account']);
    expect(letThroughOf({ start: '23:00', end: '07:00', letThrough: [] })).toEqual([]);
  });

  it('lists the ticked rules once each, in the order of the rules', () => {
    expect(inRuleOrder(['session', 'above', 'closed', 'above'])).toEqual(['above', 'closed', 'session']);
  });
});

describe("a webhook's filter", () => {
  it('sends everything when every box is ticked, and refuses sending nothing', () => {
    expect(webhookRulesFrom(ALERT_RULES)).toEqual({ rules: null });
    expect(webhookRulesFrom(['closed', 'failing'])).toEqual({ rules: ['failing', 'closed'] });
    expect(webhookRulesFrom([])).toEqual({ none: true });
  });

  it('reads the severity select, "" being any', () => {
    expect(minSeverityFrom('')).toBeNull();
    expect(minSeverityFrom('warning')).toBe('warning');
    expect(minSeverityFrom('loud')).toBeNull();
  });

  it('says what a webhook sends in both languages', () => {
    expect(webhookFilterWords({ rules: null, minSeverity: null }, en)).toBe(
      'Sends every alert, any severity',
    );
    expect(webhookFilterWords({ rules: [...ALERT_RULES], minSeverity: 'info' }, en)).toBe(
      'Sends every alert, info and above',
    );
    expect(webhookFilterWords({ rules: ['closed', 'above'], minSeverity: 'critical' }, en)).toBe(
      'Sends Above, Room closed, critical only',
    );
    expect(webhookFilterWords({ rules: ['above', 'below', 'spike', 'drop'], minSeverity: null }, en)).toBe(
      'Sends 4 kinds of alert, any severity',
    );
    expect(webhookFilterWords({ rules: [], minSeverity: null }, en)).toBe(
      'Tick at least one kind of alert, or remove the webhook.',
    );
    expect(webhookFilterWords({ rules: ['closed', 'above'], minSeverity: 'warning' }, zh)).toBe(
      '发送：高于，房间关闭；警告及以上',
    );
  });
});
