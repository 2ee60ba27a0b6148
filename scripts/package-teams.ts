// Builds the Teams app package: manifest/manifest.template.json with the bot id filled in, the
// localization files and the icons, validated offline, zipped to build/kokemusvalitys.zip.
// Usage: `npm run package:teams` (bot id from env MicrosoftAppId; TEAMS_APP_ID overrides the app id).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { zipSync, type Zippable } from 'fflate';
import { PNG, type PNGWithMetadata } from 'pngjs';

export const ROOT = join(__dirname, '..');
export const MANIFEST_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUT = join(ROOT, 'build', 'kokemusvalitys.zip');
export const FAKE_BOT_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export const LIMITS = { commandLists: 3, commandsPerList: 12, shortName: 30 } as const;
export const ICONS = { color: { size: 192 }, outline: { size: 32 } } as const;

export interface ManifestOptions {
  botId: string;
  appId?: string;
  version?: string;
}

// Only the fields this script looks at; the schema checks the rest.
export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  icons: { color: string; outline: string };
  localizationInfo?: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    isNotificationOnly?: boolean;
    commandLists?: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  [key: string]: unknown;
}

/** The manifest with its `${{TOKENS}}` replaced; throws on a token left unfilled. */
export function buildManifest(opts: ManifestOptions): TeamsManifest {
  if (!GUID.test(opts.botId)) throw new Error(`bot id must be a GUID, got "${opts.botId}"`);
  const version =
    opts.version ??
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const values: Record<string, string> = { BOT_ID: opts.botId, APP_VERSION: version };
  const text = readFileSync(join(MANIFEST_DIR, 'manifest.template.json'), 'utf8').replace(
    /\$\{\{(\w+)\}\}/g,
    (token, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`manifest.template.json: no value for ${token}`);
      return value;
    },
  );
  const manifest = JSON.parse(text) as TeamsManifest;
  if (opts.appId) {
    if (!GUID.test(opts.appId)) throw new Error(`TEAMS_APP_ID must be a GUID, got "${opts.appId}"`);
    manifest.id = opts.appId;
  }
  return manifest;
}

/** The localization files the manifest names, by file name. */
export function localizationFiles(manifest: TeamsManifest): Record<string, Record<string, string>> {
  const info = manifest.localizationInfo;
  const names = [
    info?.defaultLanguageFile,
    ...(info?.additionalLanguages ?? []).map((l) => l.file),
  ];
  const files: Record<string, Record<string, string>> = {};
  for (const name of names)
    if (name)
      files[name] = JSON.parse(readFileSync(join(MANIFEST_DIR, name), 'utf8')) as Record<
        string,
        string
      >;
  return files;
}

/**
 * The bundled localization schema. Some of its patternProperties (activities, ribbons) are not valid
 * regular expressions in Unicode mode, which AJV uses: a lone `]` after `\b`. Escape it, and drop any
 * pattern still invalid (none of those keys is used here, so a key matching one is reported as unknown).
 */
async function localizationSchemaFor(
  url: string,
): Promise<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]> {
  const schema = (await AppManifestUtils.fetchSchema(url)) as unknown as {
    patternProperties?: Record<string, unknown>;
  };
  const patterns: Record<string, unknown> = {};
  for (const [pattern, rule] of Object.entries(schema.patternProperties ?? {})) {
    const fixed = pattern.replace(/\\b\]/g, '\\b\\]');
    try {
      new RegExp(fixed, 'u');
      patterns[fixed] = rule;
    } catch {
      // left out: see above
    }
  }
  return { ...schema, patternProperties: patterns } as unknown as Parameters<
    typeof AppManifestUtils.validateAgainstSchema
  >[1];
}

/** Schema errors (bundled schemas, offline) plus the Teams limits the schema leaves out; [] when valid. */
export async function validateManifest(
  manifest: TeamsManifest,
  localized: Record<string, Record<string, string>> = localizationFiles(manifest),
): Promise<string[]> {
  const errors = (
    await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest)
  ).map((e) => `manifest.json: ${e}`);
  const lists = manifest.bots[0]?.commandLists ?? [];
  if (lists.length > LIMITS.commandLists)
    errors.push(`manifest.json: ${lists.length} command lists, at most ${LIMITS.commandLists}`);
  lists.forEach((l, i) => {
    if (l.commands.length > LIMITS.commandsPerList)
      errors.push(
        `manifest.json: command list ${i} has ${l.commands.length} commands, at most ${LIMITS.commandsPerList}`,
      );
  });
  if (manifest.name.short.length > LIMITS.shortName)
    errors.push(`manifest.json: name.short is longer than ${LIMITS.shortName} characters`);
  const localizationSchema = manifest.$schema.replace(
    'MicrosoftTeams.schema.json',
    'MicrosoftTeams.Localization.schema.json',
  );
  for (const [file, strings] of Object.entries(localized)) {
    if (strings.$schema !== localizationSchema)
      errors.push(`${file}: $schema must be ${localizationSchema} (same version as the manifest)`);
    const schema = await localizationSchemaFor(strings.$schema ?? localizationSchema);
    for (const e of await AppManifestUtils.validateAgainstSchema(
      strings as unknown as AppManifest,
      schema,
    ))
      errors.push(`${file}: ${e}`);
    for (const key of Object.keys(strings)) {
      const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\./.exec(key);
      if (m && !lists[Number(m[1])]?.commands[Number(m[2])])
        errors.push(`${file}: ${key} names a command the manifest does not have`);
    }
  }
  return errors;
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  hasAlpha: boolean;
}

function decode(png: Buffer): PNGWithMetadata {
  try {
    return PNG.sync.read(png);
  } catch (err) {
    throw new Error(`not a PNG file (${err instanceof Error ? err.message : String(err)})`);
  }
}

export function readPngInfo(png: Buffer): PngInfo {
  const { width, height, depth, colorType, alpha } = decode(png);
  return { width, height, bitDepth: depth, colorType, hasAlpha: alpha };
}

/** Pixels of any PNG as 8-bit RGBA, row by row. */
export function decodeRgba(png: Buffer): Uint8Array {
  return new Uint8Array(decode(png).data);
}

/** Problems with the icon files: sizes; the outline must be white on a transparent background. */
export function checkIcons(files: { color: Buffer; outline: Buffer }): string[] {
  const errors: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const { width, height } = readPngInfo(files[kind]);
    const size = ICONS[kind].size;
    if (width !== size || height !== size)
      errors.push(`${kind} icon is ${width}×${height}, must be ${size}×${size}`);
  }
  const outline = readPngInfo(files.outline);
  if (!outline.hasAlpha) errors.push('outline icon has no transparency');
  else {
    const px = decodeRgba(files.outline);
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) transparent++;
      else if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) coloured++;
    }
    if (transparent === 0) errors.push('outline icon has no transparent pixels');
    if (coloured > 0) errors.push(`outline icon has ${coloured} visible pixels that are not white`);
  }
  return errors;
}

/** The package as a ZIP (deflate, fixed timestamp 1980-01-01 so builds are reproducible). */
export function createZip(entries: { name: string; data: Buffer }[]): Buffer {
  const mtime = new Date(1980, 0, 1);
  const files: Zippable = {};
  for (const { name, data } of entries) files[name] = [data, { mtime }];
  return Buffer.from(zipSync(files));
}

/** Builds, checks and returns the package's files; throws with every problem listed. */
export async function buildPackage(
  opts: ManifestOptions,
): Promise<{ name: string; data: Buffer }[]> {
  const manifest = buildManifest(opts);
  const icons = {
    color: readFileSync(join(MANIFEST_DIR, manifest.icons.color)),
    outline: readFileSync(join(MANIFEST_DIR, manifest.icons.outline)),
  };
  const errors = [...(await validateManifest(manifest)), ...checkIcons(icons)];
  if (errors.length > 0)
    throw new Error(`Teams package is not valid:\n  - ${errors.join('\n  - ')}`);
  const localized = Object.keys(localizationFiles(manifest)).map((name) => ({
    name,
    data: readFileSync(join(MANIFEST_DIR, name)),
  }));
  return [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
    { name: manifest.icons.color, data: icons.color },
    { name: manifest.icons.outline, data: icons.outline },
    ...localized,
  ];
}

async function main(): Promise<void> {
  let botId = process.env.MicrosoftAppId?.trim();
  if (!botId) {
    console.warn(
      `warning: MicrosoftAppId is not set; using the placeholder bot id ${FAKE_BOT_ID} (the package will not reach a real bot)`,
    );
    botId = FAKE_BOT_ID;
  }
  const out = process.env.TEAMS_PACKAGE_OUT ?? DEFAULT_OUT;
  const files = await buildPackage({ botId, appId: process.env.TEAMS_APP_ID?.trim() || undefined });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, createZip(files));
  console.log(`wrote ${out} (${files.map((f) => f.name).join(', ')}), bot id ${botId}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
