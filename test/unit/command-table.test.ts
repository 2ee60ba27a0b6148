import assert from 'node:assert/strict';
import {
  argumentIs,
  commandWord,
  COMMANDS,
  editDistance,
  parseCommand,
  suggestCommand,
} from '../../src/domain/commands/command-table';

describe('command table', () => {
  const reads = (text: string) => parseCommand(text);

  it('when a person types a command in Finnish, Swedish or English, then each reads as the same command', () => {
    for (const text of ['apua', 'hjälp', 'help', '/help', 'Apua!', '  HJALP ?']) {
      assert.deepEqual(reads(text), { name: 'help', args: '' }, text);
    }
    for (const text of ['omat', 'omat tilaukset', 'mina beställningar', 'my orders', '/omat']) {
      assert.equal(reads(text)?.name, 'my_orders', text);
    }
    for (const text of ['hyväksyttävät', 'hyvaksyttavat', 'att godkänna', 'pending approvals']) {
      assert.equal(reads(text)?.name, 'approvals', text);
    }
  });

  it('when a command takes arguments, then they keep their case and spacing is forgiven', () => {
    assert.deepEqual(reads('peru T-2026-0001'), { name: 'cancel_order', args: 'T-2026-0001' });
    assert.deepEqual(reads('annullera t-2026-0002'), { name: 'cancel_order', args: 't-2026-0002' });
    assert.deepEqual(reads('avbryt T-2026-0003'), { name: 'cancel_order', args: 'T-2026-0003' });
    assert.deepEqual(reads('/reassign  P-2026-0001   Anna@Example.fi'), {
      name: 'reassign',
      args: 'P-2026-0001 Anna@Example.fi',
    });
    assert.deepEqual(reads('tauko 31.12.'), { name: 'pause', args: '31.12.' });
  });

  it('when a longer phrase starts with a shorter command word, then the longer one wins', () => {
    assert.equal(reads('tauko pois')?.name, 'end_pause');
    assert.equal(reads('pause off')?.name, 'end_pause');
    assert.equal(reads('tauko')?.name, 'pause');
  });

  it('when the same word is an expert command and a coordinator slash command, then the slash decides', () => {
    assert.equal(reads('palkkiot')?.name, 'my_fees');
    assert.equal(reads('/palkkiot')?.name, 'fees');
    assert.deepEqual(reads('/fees stuck'), { name: 'fees', args: 'stuck' });
    assert.equal(reads('fees')?.name, 'my_fees');
  });

  it('when prose merely contains a command word, then it is no command', () => {
    for (const text of [
      'I need help with an order',
      'Tarvitsemme kokemusasiantuntijan luennolle, apua tarvitaan',
      'assign someone to my lecture',
      'review of the day',
      'omat tehtävät ja muut asiat',
    ]) {
      assert.equal(reads(text), undefined, text);
    }
  });

  it('when an order sentence starts with change or cancel, then it is an order, and with a number the command', () => {
    assert.equal(
      parseCommand('Change of plans: we need an expert for a lecture on Friday'),
      undefined,
    );
    assert.equal(
      parseCommand('Muuta: tarvitsemme kokemusasiantuntijan luennolle perjantaina'),
      undefined,
    );
    assert.equal(
      parseCommand('Cancel culture is the theme of our lecture next Friday in Espoo'),
      undefined,
    );
    assert.deepEqual(parseCommand('change T-2026-0001'), {
      name: 'change_order',
      args: 'T-2026-0001',
    });
    assert.deepEqual(parseCommand('peru tilaus T-2026-0001 kiitos'), {
      name: 'cancel_order',
      args: 'tilaus T-2026-0001 kiitos',
    });
    assert.deepEqual(parseCommand('ändra den'), { name: 'change_order', args: 'den' });
    assert.deepEqual(parseCommand('peru S-2027-0003'), {
      name: 'cancel_order',
      args: 'S-2027-0003',
    });
    for (const word of ['muuta', 'ändra', 'change'])
      assert.deepEqual(parseCommand(`${word} sarja S-2027-0003 kaikki kerrat`), {
        name: 'change_order',
        args: 'sarja S-2027-0003 kaikki kerrat',
      });
  });

  it('when a coordinator misspells a slash command, then the closest command is suggested in their language', () => {
    assert.equal(suggestCommand('/reasign P-2026-0001 a@b.fi', 'en'), '/reassign');
    assert.equal(suggestCommand('/tarifs', 'fi'), '/taksat');
    assert.equal(suggestCommand('/expotr fees', 'sv'), '/exportera');
    assert.equal(suggestCommand('/zzzzzz', 'en'), undefined);
    assert.equal(suggestCommand('no slash here', 'en'), undefined);
  });

  it('when a command is shown to a person, then it is in their language with the slash where one is needed', () => {
    assert.equal(commandWord('help', 'fi'), 'apua');
    assert.equal(commandWord('my_fees', 'sv'), 'mina arvoden');
    assert.equal(commandWord('fees', 'en'), '/fees');
  });

  it('when every command lists words, then each language has at least one and no word means two commands of one form', () => {
    const seen = new Map<string, string>();
    for (const [name, spec] of Object.entries(COMMANDS)) {
      for (const [lang, words] of Object.entries(spec.words)) {
        assert.ok(words.length > 0, `${name} has no ${lang} word`);
        for (const w of words) {
          const key = `${spec.form === 'slash' ? 'slash' : 'plain'}:${w.toLowerCase()}`;
          const other = seen.get(key);
          assert.ok(other === undefined || other === name, `${w} means both ${other} and ${name}`);
          seen.set(key, name);
        }
      }
    }
  });

  it('when arguments are read, then the words of all three languages are understood', () => {
    assert.ok(argumentIs('Jumissa', 'fees_stuck'));
    assert.ok(argumentIs('väntande', 'fees_pending'));
    assert.ok(argumentIs('', 'fees_pending'));
    assert.ok(argumentIs('på', 'toggle_on'));
    assert.ok(!argumentIs('maybe', 'toggle_off'));
  });

  it('when two words differ by a swap or one letter, then the edit distance is one', () => {
    assert.equal(editDistance('expotr', 'export'), 1);
    assert.equal(editDistance('fes', 'fees'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
  });
});
