import assert from 'node:assert/strict';
import { parseCommand } from '../../src/domain/commands/command-table';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import {
  FAKE_BOT_ID,
  ICONS,
  LIMITS,
  MANIFEST_DIR,
  buildManifest,
  buildPackage,
  checkIcons,
  createZip,
  decodeRgba,
  localizationFiles,
  readPngInfo,
  validateManifest,
} from '../../scripts/package-teams';
import { colorIcon, encodePng, outlineIcon } from '../../scripts/make-icons';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const icon = (name: string) => readFileSync(join(MANIFEST_DIR, name));

describe('Teams app package', () => {
  it('when built, then the manifest validates against its bundled schema with the bot id filled in', async () => {
    const manifest = buildManifest({ botId: BOT_ID });
    assert.deepEqual(await validateManifest(manifest), []);
    assert.equal(manifest.bots[0]?.botId, BOT_ID);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('when built, then it keeps the Teams limits: ≤3 command lists, ≤12 commands each, short name ≤30, personal scope', () => {
    const manifest = buildManifest({ botId: FAKE_BOT_ID });
    const bot = manifest.bots[0]!;
    assert.ok((bot.commandLists ?? []).length <= LIMITS.commandLists);
    for (const list of bot.commandLists ?? []) {
      assert.ok(list.commands.length > 0 && list.commands.length <= LIMITS.commandsPerList);
      assert.deepEqual(list.scopes, ['personal']);
    }
    assert.ok(manifest.name.short.length <= LIMITS.shortName);
    assert.deepEqual(bot.scopes, ['personal']);
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
    assert.deepEqual(manifest.permissions, ['identity', 'messageTeamMembers']);
  });

  it('when a command list has 13 commands, then validation refuses it', async () => {
    const manifest = buildManifest({ botId: BOT_ID });
    const list = manifest.bots[0]!.commandLists![0]!;
    list.commands.push({ title: 'extra', description: 'one too many' });
    while (list.commands.length < 13) list.commands.push({ title: 'x', description: 'x' });
    const errors = await validateManifest(manifest);
    assert.ok(
      errors.some((e) => /commands/.test(e)),
      errors.join('\n'),
    );
  });

  it('when the bot id is not a GUID, then the build refuses it', () => {
    assert.throws(() => buildManifest({ botId: 'not-a-guid' }), /GUID/);
  });

  it('when localized, then fi (default), sv and en cover the same strings and en repeats the manifest', () => {
    const manifest = buildManifest({ botId: BOT_ID });
    assert.equal(manifest.localizationInfo?.defaultLanguageTag, 'fi');
    const files = localizationFiles(manifest);
    assert.deepEqual(Object.keys(files).sort(), ['en.json', 'fi.json', 'sv.json']);
    const keys = Object.keys(files['en.json']!).sort();
    for (const strings of Object.values(files)) assert.deepEqual(Object.keys(strings).sort(), keys);
    const en = files['en.json']!;
    assert.equal(en['name.short'], manifest.name.short);
    manifest.bots[0]!.commandLists![0]!.commands.forEach((c, i) => {
      assert.equal(en[`bots[0].commandLists[0].commands[${i}].title`], c.title);
      assert.equal(en[`bots[0].commandLists[0].commands[${i}].description`], c.description);
    });
  });

  it('when the command menu is read in any language, then every entry is a command of the command table', () => {
    const manifest = buildManifest({ botId: BOT_ID });
    const files = localizationFiles(manifest);
    for (const [file, strings] of Object.entries(files)) {
      const titles = Object.entries(strings).filter(([key]) => /commands\[\d+\]\.title$/.test(key));
      assert.equal(titles.length, manifest.bots[0]!.commandLists![0]!.commands.length, file);
      for (const [key, title] of titles)
        assert.ok(parseCommand(title), `${file} ${key}: "${title}" is no command`);
    }
  });

  it('when a localization file breaks the schema or names a missing command, then validation names the file', async () => {
    const manifest = buildManifest({ botId: BOT_ID });
    const fi = localizationFiles(manifest)['fi.json']!;
    const tooLong = await validateManifest(manifest, {
      'fi.json': { ...fi, 'name.short': 'K'.repeat(31), 'name.nickname': 'x' },
    });
    assert.ok(
      tooLong.some((e) => e.startsWith('fi.json: /name.short')),
      tooLong.join('\n'),
    );
    assert.ok(
      tooLong.some((e) => e.startsWith('fi.json:') && /additional properties/.test(e)),
      tooLong.join('\n'),
    );
    manifest.bots[0]!.commandLists![0]!.commands.splice(11); // the schema allows index 11; the manifest no longer has it
    const missing = await validateManifest(manifest, { 'fi.json': fi });
    assert.ok(
      missing.some((e) => e.startsWith('fi.json: bots[0].commandLists[0].commands[11]')),
      missing.join('\n'),
    );
  });

  it('when the icons are read, then colour is 192×192, outline 32×32 white on transparent', () => {
    assert.deepEqual(
      [readPngInfo(icon('color.png')).width, readPngInfo(icon('color.png')).height],
      [ICONS.color.size, ICONS.color.size],
    );
    const outline = readPngInfo(icon('outline.png'));
    assert.deepEqual([outline.width, outline.height, outline.hasAlpha], [32, 32, true]);
    assert.deepEqual(checkIcons({ color: icon('color.png'), outline: icon('outline.png') }), []);
  });

  it('when the icons are regenerated, then the committed PNGs show the same pixels', () => {
    assert.deepEqual(decodeRgba(icon('color.png')), decodeRgba(colorIcon()));
    assert.deepEqual(decodeRgba(icon('outline.png')), decodeRgba(outlineIcon()));
  });

  it('when icons have the wrong size or a coloured outline, then the check says so', () => {
    const red = encodePng(32, 32, (x) => (x < 16 ? [255, 0, 0, 255] : [0, 0, 0, 0]));
    const errors = checkIcons({ color: red, outline: red });
    assert.ok(
      errors.some((e) => /color icon is 32×32/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => /not white/.test(e)),
      errors.join('\n'),
    );
  });

  it('when packaged, then the zip holds manifest.json, the icons and the language files, readable back', async () => {
    const files = await buildPackage({ botId: BOT_ID });
    assert.deepEqual(
      files.map((f) => f.name),
      ['manifest.json', 'color.png', 'outline.png', 'fi.json', 'sv.json', 'en.json'],
    );
    const zip = createZip(files);
    const back = unzipSync(zip);
    assert.deepEqual(
      Object.keys(back),
      files.map((f) => f.name),
    );
    for (const f of files) assert.deepEqual(Buffer.from(back[f.name]!), f.data, f.name);
    assert.deepEqual(createZip(files), zip, 'the same files give the same bytes');
  });
});
