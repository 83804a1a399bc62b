/**
 * Neutralisation to a fixed point (issue 11, "Ticket text is always data"):
 * nested obfuscation of every scheme, depth 1 to 50, leaves nothing live and
 * a text that neutralising again does not change; adversarial inputs of
 * 100,000 characters end (how fast is `npm run bench`'s business).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, neutraliseWithFlags } from '../../../src/ai/render/neutralise.js';
import { adversarialMarkup } from '../../fixtures/ai/adversarial-markup.js';
import { liveMarkup } from '../../support/live-markup.js';

/** Each scheme hides `[code]X[/code]` (or a `<script>` tag) under `depth` layers. */
const SCHEMES: Readonly<Record<string, (depth: number) => string>> = {
  // [co<a<a<a>>>de]: each removed tag assembles the next (issue 11's eight layers).
  'HTML tags': (d) => {
    const tag = '<a'.repeat(d) + '>'.repeat(d);
    return `[co${tag}de]X[/co${tag}de]`;
  },
  // &amp;amp;…#91;: each decoding makes the next reference.
  'HTML entities': (d) => {
    const amp = `&${'amp;'.repeat(d)}`;
    return `${amp}#91;code${amp}#93;X${amp}lt;script${amp}gt;alert(1)${amp}lt;/script${amp}gt;`;
  },
  // [co[co[co…de]de]de] and [code [code [code ]]]: code tags inside code tags.
  BBCode: (d) => `${'[co'.repeat(d)}[code]${'de]'.repeat(d)}X${'[code '.repeat(d)}${']'.repeat(d)}`,
  // [[[x](u)](u)](u) around a code tag, and a link whose label spells one.
  'markdown links': (d) => `${'['.repeat(d)}[code](https://evil.example/0)${Array.from({ length: d }, (_, i) => `](https://evil.example/${i + 1})`).join('')} [co[](x)de]X`,
  // Zero-width characters between every letter, d of them each time.
  'zero-width characters': (d) => {
    const zw = '\u200B\u200C\u200D\u2060\uFEFF'.repeat(Math.ceil(d / 5)).slice(0, d);
    return [...'[code]X[/code]'].join(zw);
  },
  // &l<a>t;: a removed tag completes a reference, whose decoded `<` opens the next tag.
  'tags and references interleaved': (d) => {
    let inner = '&l<a>t;b>';
    for (let i = 1; i < d; i += 1) inner = `&l${inner}t;b>`;
    return `[co${inner}de]X[/co${inner}de]`;
  },
  // Full-width look-alikes, character references for them, and tags between.
  'look-alikes': (d) => `&#xFF3B;c${'<i>'.repeat(d)}o${'</i>'.repeat(d)}de&#xFF3D;X\uFF3B/code\uFF3D`,
};

describe('neutralise reaches a fixed point for nested obfuscation', () => {
  for (const [scheme, build] of Object.entries(SCHEMES)) {
    it(`${scheme}, depth 1 to 50: nothing live, neutralising again changes nothing, at most three rounds`, () => {
      for (let depth = 1; depth <= 50; depth += 1) {
        const input = build(depth);
        const result = neutraliseWithFlags(input);
        expect(liveMarkup(result.text), `${scheme} depth ${depth}: ${JSON.stringify(result.text.slice(0, 120))}`).toEqual([]);
        expect(neutralise(result.text), `${scheme} depth ${depth}`).toBe(result.text);
        expect(result.rounds, `${scheme} depth ${depth}`).toBeLessThanOrEqual(3);
      }
    });
  }

  it('reads what the layers spelled, at every depth: the code tags are found and made inert', () => {
    for (let depth = 1; depth <= 50; depth += 1) {
      for (const scheme of ['HTML tags', 'zero-width characters', 'tags and references interleaved', 'look-alikes']) {
        expect(neutralise(SCHEMES[scheme]!(depth)), `${scheme} depth ${depth}`).toBe('(code)X(/code)');
      }
      expect(neutralise(SCHEMES['HTML entities']!(depth)), `entities depth ${depth}`).toBe('(code)Xalert(1)');
    }
  });

  it('leaves the literal [code]X[/code] of issue 11 nowhere (eight nested layers)', () => {
    const eight = SCHEMES['HTML tags']!(8);
    expect(neutralise(eight)).toBe('(code)X(/code)');
    expect(neutraliseWithFlags(eight).flags).toMatchObject({ codeTags: 2, html: 16 });
  });

  it('decodes references a browser would read, and breaks the ones it cannot decode', () => {
    expect(neutralise('AT&amp;T &lt;b&gt;bold&lt;/b&gt; caf&eacute; &#8212; &#x2014; &#60script&#62; &nbsp;x')).toBe('AT&T bold café — —   x');
    expect(neutralise('&xyz; and &Aopf; stay readable but dead')).toBe('& xyz; and & Aopf; stay readable but dead');
    expect(neutralise('&#0; &#x110000; &#xD800;')).toBe('\uFFFD \uFFFD \uFFFD');
    expect(neutralise('&#150; &#139;')).toBe('– ‹');
    // A reference for an invisible character is removed like the character.
    expect(neutraliseWithFlags('a&#x200B;b&ZeroWidthSpace;c').flags.invisible).toBe(2);
  });

  it('never leaves anything live, and is a fixed point, for any mix of pieces (property)', () => {
    const pieces = fc.constantFrom(
      '[', ']', '(', ')', '<', '>', '&', ';', '#', 'x', '!', ' ', '\n', '/', ':', 'code', 'co', 'de', 'a', 'b', 'lt', 'gt', 'amp', '#91', '#x5d',
      '&amp;', '&lt;', '&gt;', '&#91;', '&#x5D;', '&lsqb;', '<a>', '</a>', '<b', '[code]', '[/code]', '](', 'javascript:', 'data:text/html,', 'ai-handoff',
      '\u200B', '\uFF3B', '\uFF1C', 'https://evil.example', '.',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), (input) => {
        const result = neutraliseWithFlags(input);
        expect(liveMarkup(result.text)).toEqual([]);
        expect(neutralise(result.text)).toBe(result.text);
        expect(result.rounds).toBeLessThanOrEqual(3);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('neutralise ends on adversarial input of 100,000 characters', () => {
  for (const [name, input] of Object.entries(adversarialMarkup(100_000))) {
    it(`${name}: ends, nothing live, a fixed point`, () => {
      const result = neutraliseWithFlags(input);
      expect(liveMarkup(result.text)).toEqual([]);
      expect(result.rounds).toBeLessThanOrEqual(3);
      expect(neutralise(result.text)).toBe(result.text);
    });
  }
});
