import assert from 'node:assert/strict';
import { plain } from '../../cards/plain-text';
import { MessageRate } from '../../src/teams/inbound-guard';
import { FakeClock } from '../support/world';

describe('plain text for another person', () => {
  it('when a text holds links, images, HTML, mentions and entities, then each is escaped', () => {
    assert.equal(plain('[click](https://evil.example)'), '\\[click\\](https://evil.example)');
    assert.equal(plain('<b>x</b>'), '\\<b\\>x\\</b\\>');
    assert.equal(plain('![i](u)'), '\\!\\[i\\](u)');
    assert.equal(plain('<at>Boss</at> &lt;'), '\\<at\\>Boss\\</at\\> \\&lt;');
    assert.equal(
      plain('**bold** _it_ `code` ~~s~~ a|b'),
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b',
    );
  });

  it('when a line starts like a heading, quote or list, then its marker is escaped', () => {
    assert.equal(
      plain('# Otsikko\n- kohta\n+ toinen\n2. kolmas\n> lainaus'),
      '\\# Otsikko\n\\- kohta\n\\+ toinen\n2\\. kolmas\n\\> lainaus',
    );
  });

  it('when a text is ordinary, then it is unchanged', () => {
    const text =
      'Keskussairaalantie 19, Jyväskylä. Tilaus T-2026-0001 klo 13.00–15.00, 6,40 € (bussi).';
    assert.equal(plain(text), text);
  });
});

describe('message rate', () => {
  it('when a person sends 600 messages in an hour, then the 601st is refused, and an hour after the first it is allowed again', () => {
    const clock = new FakeClock(new Date('2026-11-25T10:00:00Z'));
    const rate = new MessageRate(clock);
    for (let i = 0; i < 600; i++) {
      assert.equal(rate.take('a'), true, `message ${i + 1}`);
      clock.advance(1000);
    }
    assert.equal(rate.take('a'), false);
    assert.equal(rate.take('b'), true, 'another person is not limited');
    clock.set('2026-11-25T11:00:00.001Z');
    assert.equal(rate.take('a'), true);
  });
});
