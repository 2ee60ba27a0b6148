import assert from 'node:assert/strict';
import { parseRegisterCsv } from '../../src/domain/registers/csv-rows';

const EXPERT_HEADER =
  'email,name,kind,areas,regions,languages,remote,onsite,max_per_month,mentor_email,trained_on';

const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('register CSV rows', () => {
  describe('experts', () => {
    it('when a comma file is read, then each row becomes an expert with lists, booleans and defaults', () => {
      const result = parseRegisterCsv(
        csv(
          EXPERT_HEADER,
          'Aino.Virtanen@Example.fi,Aino Virtanen,trained,mental_health;substance_use,Jyväskylä;Jämsä,fi;en,yes,no,5,,2021-05-20',
          'tuomas.salo@example.fi,Tuomas Salo,actor,mental_health,Jyväskylä,fi,no,yes,,aino.virtanen@example.fi,3.4.2024',
        ),
        'experts',
      );
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.lines, [2, 3]);
      assert.deepEqual(result.rows, [
        {
          email: 'aino.virtanen@example.fi',
          name: 'Aino Virtanen',
          kind: 'trained',
          areas: ['mental_health', 'substance_use'],
          regions: ['Jyväskylä', 'Jämsä'],
          languages: ['fi', 'en'],
          remote: true,
          onsite: false,
          maxPerMonth: 5,
          trainedOn: '2021-05-20',
        },
        {
          email: 'tuomas.salo@example.fi',
          name: 'Tuomas Salo',
          kind: 'actor',
          areas: ['mental_health'],
          regions: ['Jyväskylä'],
          languages: ['fi'],
          remote: false,
          onsite: true,
          maxPerMonth: 8,
          mentorEmail: 'aino.virtanen@example.fi',
          trainedOn: '2024-04-03',
        },
      ]);
    });

    it('when a semicolon file has a BOM, CRLF, quoted comma lists and Finnish words, then it reads the same', () => {
      const text =
        '\uFEFFEmail; Name ;KIND;areas;regions;languages;remote;onsite;max_per_month;mentor_email;trained_on\r\n' +
        'sofia.lindqvist@example.fi;Sofia Lindqvist;koulutettu;"child_protection, mielenterveys";"Helsinki, Jyväskylä";"sv, fi";Kyllä;ei;6;;\r\n' +
        'kari.nurmi@example.fi;Kari Nurmi;vertaistukihenkilö;substance_use|as_relative;Äänekoski;fi;nej;JA;;;\r\n';
      const result = parseRegisterCsv(text, 'experts');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.rows.map((e) => [
          e.email,
          e.kind,
          e.areas,
          e.regions,
          e.languages,
          e.remote,
          e.onsite,
        ]),
        [
          [
            'sofia.lindqvist@example.fi',
            'trained',
            ['child_protection', 'mental_health'],
            ['Helsinki', 'Jyväskylä'],
            ['sv', 'fi'],
            true,
            false,
          ],
          [
            'kari.nurmi@example.fi',
            'peer',
            ['substance_use', 'as_relative'],
            ['Äänekoski'],
            ['fi'],
            false,
            true,
          ],
        ],
      );
    });

    it('when columns come in another order, then they are matched by name', () => {
      const result = parseRegisterCsv(
        csv(
          'trained_on,mentor_email,max_per_month,onsite,remote,languages,regions,areas,kind,name,email',
          ',,2,yes,yes,en,Tampere,other,partner,Riikka Turunen,riikka.turunen@example.fi',
        ),
        'experts',
      );
      assert.deepEqual(result.errors, []);
      assert.equal(result.rows[0]?.kind, 'partner');
      assert.equal(result.rows[0]?.maxPerMonth, 2);
    });

    it('when rows are bad, then each is reported by its line and column and the good rows are kept', () => {
      const result = parseRegisterCsv(
        csv(
          EXPERT_HEADER,
          'ok1@example.fi,Ok One,trained,mental_health,Jyväskylä,fi,yes,yes,8,,',
          'bad-email,No Mail,trained,mental_health,Jyväskylä,fi,yes,yes,8,,',
          'kind@example.fi,Bad Kind,expertti,mental_health,Jyväskylä,fi,yes,yes,8,,',
          'area@example.fi,Bad Area,trained,mental_health;astrology,Jyväskylä,fi,yes,yes,8,,',
          'lang@example.fi,Bad Lang,trained,mental_health,Jyväskylä,de,yes,yes,8,,',
          'bool@example.fi,Bad Bool,trained,mental_health,Jyväskylä,fi,maybe,yes,8,,',
          'max@example.fi,Bad Max,trained,mental_health,Jyväskylä,fi,yes,yes,0,,',
          'date@example.fi,Bad Date,trained,mental_health,Jyväskylä,fi,yes,yes,8,,31.2.2020',
          'mentor@example.fi,Bad Mentor,actor,mental_health,Jyväskylä,fi,yes,yes,8,not-a-mail,',
          'short@example.fi,Too Short,trained',
          ',No Key,trained,mental_health,Jyväskylä,fi,yes,yes,8,,',
          'neither@example.fi,Neither,trained,mental_health,Jyväskylä,fi,no,no,8,,',
          'ok2@example.fi,Ok Two,peer,substance_use,Jämsä,fi,no,yes,,,',
        ),
        'experts',
      );
      assert.deepEqual(
        result.rows.map((r) => r.email),
        ['ok1@example.fi', 'ok2@example.fi'],
      );
      assert.deepEqual(result.lines, [2, 14]);
      assert.equal(result.fileError, false);
      assert.deepEqual(result.errors, [
        { line: 3, reason: 'email "bad-email" is not an e-mail address' },
        { line: 4, reason: 'kind "expertti" is not one of trained, actor, partner, peer' },
        {
          line: 5,
          reason:
            'areas "astrology" is not an experience area; use mental_health, substance_use, child_protection, family_services, chronic_illness, disability, neuropsychiatric, as_relative, homelessness, other',
        },
        { line: 6, reason: 'languages "de" is not a language; use fi, sv, en' },
        { line: 7, reason: 'remote "maybe" is not yes or no' },
        { line: 8, reason: 'max_per_month "0" is not a whole number from 1 to 100' },
        { line: 9, reason: 'trained_on "31.2.2020" is not a date; write YYYY-MM-DD or D.M.YYYY' },
        { line: 10, reason: 'mentor_email "not-a-mail" is not an e-mail address' },
        { line: 11, reason: 'the row has 3 fields but the header has 11' },
        { line: 12, reason: 'email is empty' },
        { line: 13, reason: 'remote and onsite are both no: the expert could take no task' },
      ]);
    });

    it('when a row has several problems, then one reason names them all', () => {
      const result = parseRegisterCsv(
        csv(EXPERT_HEADER, 'x@example.fi,,nobody,,Jyväskylä,fi,yes,yes,8,,'),
        'experts',
      );
      assert.deepEqual(result.errors, [
        {
          line: 2,
          reason:
            'name is empty; kind "nobody" is not one of trained, actor, partner, peer; areas is empty; list at least one of mental_health, substance_use, child_protection, family_services, chronic_illness, disability, neuropsychiatric, as_relative, homelessness, other',
        },
      ]);
    });

    it('when the same email appears twice, then the later row is an error naming the first line', () => {
      const result = parseRegisterCsv(
        csv(
          EXPERT_HEADER,
          'aino.virtanen@example.fi,Aino Virtanen,trained,mental_health,Jyväskylä,fi,yes,yes,8,,',
          'pekka.koskinen@example.fi,Pekka Koskinen,trained,substance_use,Jyväskylä,fi,yes,yes,8,,',
          'AINO.VIRTANEN@example.fi,Aino V.,actor,mental_health,Jämsä,fi,yes,yes,8,,',
        ),
        'experts',
      );
      assert.deepEqual(
        result.rows.map((r) => r.name),
        ['Aino Virtanen', 'Pekka Koskinen'],
      );
      assert.deepEqual(result.errors, [
        { line: 4, reason: 'duplicate email "aino.virtanen@example.fi", first on line 2' },
      ]);
    });

    it('when a quoted field spans lines and blank lines are in between, then lines are counted as in the file', () => {
      const result = parseRegisterCsv(
        csv(
          EXPERT_HEADER,
          '',
          'ok@example.fi,"Ok',
          'Multiline",trained,mental_health,Jyväskylä,fi,yes,yes,8,,',
          ',,,,,,,,,,',
          'bad@example.fi,Bad,expertti,mental_health,Jyväskylä,fi,yes,yes,8,,',
        ),
        'experts',
      );
      assert.deepEqual(result.lines, [3]);
      assert.equal(result.rows[0]?.name, 'Ok Multiline');
      assert.deepEqual(result.errors, [
        { line: 6, reason: 'kind "expertti" is not one of trained, actor, partner, peer' },
      ]);
    });

    it('when a column is missing, then the whole file is refused on line 1', () => {
      const result = parseRegisterCsv(
        csv(
          'email,name,kind,areas,regions,languages,remote,onsite,max_per_month,mentor_email',
          'a@example.fi,A,trained,other,Jyväskylä,fi,yes,yes,8,',
        ),
        'experts',
      );
      assert.equal(result.fileError, true);
      assert.deepEqual(result.rows, []);
      assert.deepEqual(result.errors, [
        {
          line: 1,
          reason:
            'missing column "trained_on"; the columns are email, name, kind, areas, regions, languages, remote, onsite, max_per_month, mentor_email, trained_on',
        },
      ]);
    });

    it('when a column is unknown, then the whole file is refused on line 1', () => {
      const result = parseRegisterCsv(
        csv(`${EXPERT_HEADER},phone`, 'a@example.fi,A,trained,other,Jyväskylä,fi,yes,yes,8,,,040'),
        'experts',
      );
      assert.equal(result.fileError, true);
      assert.match(result.errors[0]?.reason ?? '', /^unknown column "phone"/);
      assert.equal(result.errors[0]?.line, 1);
    });

    it('when a quote is never closed, then the file is refused on the line where it opened', () => {
      const result = parseRegisterCsv(
        csv(
          EXPERT_HEADER,
          'a@example.fi,A,trained,other,Jyväskylä,fi,yes,yes,8,,',
          'b@example.fi,"B,trained,other,Jyväskylä,fi,yes,yes,8,,',
          'c@example.fi,C,trained,other,Jyväskylä,fi,yes,yes,8,,',
        ),
        'experts',
      );
      assert.equal(result.fileError, true);
      assert.deepEqual(result.rows, []);
      assert.deepEqual(result.errors, [
        { line: 3, reason: 'a quote (") opened on this line is never closed' },
      ]);
    });

    it('when the file is empty, then it is refused on line 1', () => {
      const result = parseRegisterCsv('\uFEFF\n', 'experts');
      assert.equal(result.fileError, true);
      assert.equal(result.errors[0]?.line, 1);
    });
  });

  describe('units', () => {
    it('when a unit has no director, then it is read without one; bad ids and emails are reported', () => {
      const result = parseRegisterCsv(
        csv(
          'unit_id;name;municipality;supervisor_email;director_email;payroll_email;cost_center',
          'jkl-paihde;Päihdepalvelut;Jyväskylä;Tiina.Laaksonen@example.fi;;satu.nieminen@example.fi;4320',
          'bad id;Bad;Jyväskylä;a@example.fi;;b@example.fi;1',
          'no-payroll;No Payroll;Jämsä;a@example.fi;d@example.fi;;1',
          'jkl-paihde;Again;Jyväskylä;a@example.fi;;b@example.fi;1',
        ),
        'units',
      );
      assert.deepEqual(result.rows, [
        {
          unitId: 'jkl-paihde',
          name: 'Päihdepalvelut',
          municipality: 'Jyväskylä',
          supervisorEmail: 'tiina.laaksonen@example.fi',
          payrollEmail: 'satu.nieminen@example.fi',
          costCenter: '4320',
        },
      ]);
      assert.deepEqual(result.errors, [
        {
          line: 3,
          reason: 'unit_id "bad id" may only hold letters, digits, "-", "_" and "." (at most 64)',
        },
        { line: 4, reason: 'payroll_email is empty' },
        { line: 5, reason: 'duplicate unit_id "jkl-paihde", first on line 2' },
      ]);
    });
  });

  describe('staff', () => {
    it('when roles are written in Finnish or English, then both are read; an unknown role is reported', () => {
      const result = parseRegisterCsv(
        csv(
          'EMAIL,Name,Role,Unit_ID',
          'aino.virtanen@example.fi,Aino Virtanen,Koordinaattori,ksshp-psyk',
          'mikko.jarvinen@example.fi,Mikko Järvinen,tilaaja,',
          'x@example.fi,X,boss,',
        ),
        'staff',
      );
      assert.deepEqual(result.rows, [
        {
          email: 'aino.virtanen@example.fi',
          name: 'Aino Virtanen',
          role: 'coordinator',
          unitId: 'ksshp-psyk',
        },
        { email: 'mikko.jarvinen@example.fi', name: 'Mikko Järvinen', role: 'orderer' },
      ]);
      assert.deepEqual(result.errors, [
        { line: 4, reason: 'role "boss" is not one of coordinator, orderer' },
      ]);
    });
  });
});
