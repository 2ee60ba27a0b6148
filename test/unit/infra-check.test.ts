import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBicep } from '../../scripts/check-infra';

const INFRA = join(__dirname, '..', '..', 'infra');
const bicep = readFileSync(join(INFRA, 'main.bicep'), 'utf8');
const parameters = readFileSync(join(INFRA, 'main.parameters.json'), 'utf8');

/** The template with one piece of text replaced; fails the test if the piece is not there. */
function changed(from: string, to: string): string {
  assert.ok(bicep.includes(from), `main.bicep no longer contains ${JSON.stringify(from)}`);
  return bicep.replace(from, to);
}

describe('the offline check of infra/main.bicep', () => {
  it('when the template is the committed one, then the check finds nothing', () => {
    assert.deepEqual(checkBicep(bicep, parameters), []);
  });

  for (const [what, from, to, expected] of [
    [
      'shared-key access is turned on',
      'allowSharedKeyAccess: false',
      'allowSharedKeyAccess: true',
      /allowSharedKeyAccess: false/,
    ],
    [
      'the storage key is put in a setting',
      'value: storage.properties.primaryEndpoints.table',
      'value: storage.listKeys().keys[0].value',
      /no storage account key/,
    ],
    [
      'devDependencies are installed on the server',
      "name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'\n          value: 'false'",
      "name: 'NPM_CONFIG_INCLUDE'\n          value: 'dev'",
      /no NPM_CONFIG_INCLUDE/,
    ],
    ['the runtime is Node 20', "'NODE|22-lts'", "'NODE|20-lts'", /NODE\|22-lts/],
    [
      'scm basic-auth publishing is allowed',
      "name: 'scm'\n  properties: {\n    allow: false",
      "name: 'scm'\n  properties: {\n    allow: true",
      /'scm' with allow: false/,
    ],
    ['Direct Line v3 is on', 'isV3Enabled: false', 'isV3Enabled: true', /isV3Enabled false/],
    [
      'a name is misspelt',
      'serverFarmId: plan.id',
      'serverFarmId: plann.id',
      /plann is not declared/,
    ],
    [
      'a property does not exist',
      'httpsOnly: true\n',
      'httpsOnly: true\n    httpOnly: true\n',
      /unknown property httpOnly/,
    ],
    [
      'a brace is missing',
      "    sku: {\n      name: 'PerGB2018'\n    }",
      "    sku: {\n      name: 'PerGB2018'\n",
      /^syntax: /,
    ],
    [
      'an API version is unknown',
      "'Microsoft.Web/sites@2023-12-01'",
      "'Microsoft.Web/sites@2016-08-01'",
      /API version 2016-08-01/,
    ],
  ] as const) {
    it(`when ${what}, then the check reports it`, () => {
      const problems = checkBicep(changed(from, to), parameters);
      assert.ok(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      );
    });
  }

  it('when the parameters file names a parameter the template lacks, then the check reports it', () => {
    const problems = checkBicep(bicep, parameters.replace('"botSku"', '"botSkew"'));
    assert.ok(
      problems.includes('main.parameters.json: botSkew is not a parameter of main.bicep'),
      problems.join('\n'),
    );
  });
});
