import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fontStack,
  labelText,
  OVERLAY_DEFAULTS,
  OVERLAY_FONTS,
  type OverlayOptions,
  overlayQuery,
  parseOverlayOptions,
} from '../../main/common/overlay-options';
import { suggestedSourceSize } from '../../main/common/overlay-size';

const parse = (query: string) => parseOverlayOptions(new URLSearchParams(query));

describe('the overlay’s URL parameters', () => {
  it('take the defaults when the link names none', () => {
    expect(parse('room=%40TGS%23a&token=x')).toEqual(OVERLAY_DEFAULTS);
  });

  it('read every parameter as documented', () => {
    expect(
      parse(
        'font=Serif&size=96px&color=%23ff0&label=fans&align=center&shadow=off&goal=5,000&anim=none&lang=zh&closed=show',
      ),
    ).toEqual({
      font: 'serif',
      size: 96,
      color: '#ffff00',
      label: 'fans',
      align: 'center',
      shadow: false,
      goal: 5000,
      anim: 'none',
      lang: 'zh-CN',
      closed: 'show',
    });
    expect(parse('color=00FF0080').color).toBe('#00ff0080');
    expect(parse('color=gold').color).toBe('#ffd700');
    expect(parse('font=Bebas Neue').font).toBe('Bebas Neue');
    expect(parse('font=思源黑体').font).toBe('思源黑体');
    expect(parse('shadow=1').shadow).toBe(true);
  });

  it('fall back to the default for anything unknown or malformed', () => {
    const malformed = [
      'size=huge',
      'size=4',
      'size=9999',
      'size=-20',
      'color=red;background:url(x)',
      'color=%23ggg',
      'color=rgb(1,2,3)',
      'align=justify',
      'shadow=maybe',
      'goal=0',
      'goal=1e9',
      'goal=-5',
      'anim=bounce',
      'lang=fr',
      'closed=explode',
      'font=Arial";}body{background:red',
      'font=a<b',
      'font=x;y',
      `font=${'x'.repeat(60)}`,
    ];
    for (const query of malformed) {
      const name = query.split('=')[0] as keyof OverlayOptions;
      expect({ query, value: parse(query)[name] }).toEqual({ query, value: OVERLAY_DEFAULTS[name] });
    }
  });

  it('keep a label as text: any characters but controls, up to 40; empty means none', () => {
    expect(parse('label=%3Cscript%3Ealert(1)%3C%2Fscript%3E').label).toBe('<script>alert(1)</script>');
    expect(parse('label=').label).toBe('');
    expect(parse('label=%20%20').label).toBe('');
    expect(parse(`label=${'x'.repeat(41)}`).label).toBeNull();
    expect(parse('label=a%0Ab').label).toBeNull();
    expect(parse('label=a%E2%80%AEb').label).toBeNull();
    expect(labelText(parse('lang=zh-CN'))).toBe('人在看');
    expect(labelText(parse(''))).toBe('watching');
    expect(labelText(parse('label=&lang=zh-CN'))).toBe('');
  });

  it('give a font stack that is a keyword’s, or a checked name before the sans stack', () => {
    for (const font of OVERLAY_FONTS) expect(fontStack(font)).toMatch(/(sans-serif|serif|monospace)$/);
    expect(fontStack('Bebas Neue')).toMatch(/^"Bebas Neue", system-ui/);
    expect(fontStack('x";}')).toBe(fontStack('sans'));
  });

  it('write links that parse back to the same options, naming only what differs', () => {
    const options = fc.record<OverlayOptions>({
      font: fc.oneof(fc.constantFrom(...OVERLAY_FONTS), fc.constantFrom('Bebas Neue', 'Noto Sans CJK SC')),
      size: fc.integer({ min: 12, max: 320 }),
      color: fc.oneof(
        fc.constant('#ffffff'),
        fc.stringMatching(/^#[0-9a-f]{6}$/),
        fc.stringMatching(/^#[0-9a-f]{8}$/),
      ),
      label: fc.oneof(fc.constant(null), fc.constant(''), fc.stringMatching(/^[\w <>&"'#%]{1,40}$/)),
      align: fc.constantFrom('left', 'center', 'right'),
      shadow: fc.boolean(),
      goal: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 1_000_000_000 })),
      anim: fc.constantFrom('countup', 'none'),
      lang: fc.constantFrom('en', 'zh-CN'),
      closed: fc.constantFrom('hide', 'show'),
    });
    fc.assert(
      fc.property(options, (chosen) => {
        const normal = { ...chosen, label: chosen.label === null ? null : chosen.label.trim() };
        const query = new URLSearchParams(overlayQuery({ groupId: '@TGS#a b&c' }, 'tok', normal));
        expect(query.get('room')).toBe('@TGS#a b&c');
        expect(query.get('token')).toBe('tok');
        expect(parseOverlayOptions(query)).toEqual(normal);
      }),
    );
    expect(overlayQuery({ groupId: '@TGS#a' }, 'tok', OVERLAY_DEFAULTS)).toBe('room=%40TGS%23a&token=tok');
    expect(
      overlayQuery({ groupId: '@TGS#a', profileId: 'main' }, 't', { ...OVERLAY_DEFAULTS, size: 80 }),
    ).toBe('room=%40TGS%23a&token=t&profile=main&size=80');
  });
});

describe('the suggested Browser Source size', () => {
  it('grows with the size, the label, the goal bar and the "stream ended" line', () => {
    const base = suggestedSourceSize(OVERLAY_DEFAULTS);
    expect(base).toEqual({ width: 490, height: 100 });
    const bigger = suggestedSourceSize({ ...OVERLAY_DEFAULTS, size: 128 });
    expect(bigger.width).toBeGreaterThan(base.width * 1.9);
    expect(suggestedSourceSize({ ...OVERLAY_DEFAULTS, label: '' }).width).toBeLessThan(base.width);
    expect(suggestedSourceSize({ ...OVERLAY_DEFAULTS, lang: 'zh-CN' }).width).toBeLessThan(base.width);
    expect(suggestedSourceSize({ ...OVERLAY_DEFAULTS, goal: 100 }).height).toBeGreaterThan(base.height);
    expect(suggestedSourceSize({ ...OVERLAY_DEFAULTS, closed: 'show' }).height).toBeGreaterThan(base.height);
  });
});
