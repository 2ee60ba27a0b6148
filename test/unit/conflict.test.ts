import assert from 'node:assert/strict';
import { ConflictUnresolved, retryOnConflict, WriteConflict } from '../../src/app/conflict';

describe('losing a race', () => {
  const conflict412 = () => Object.assign(new Error('precondition'), { statusCode: 412 });

  it('when a conditional write loses twice, then the attempt runs again and its result is returned', async () => {
    let runs = 0;
    const result = await retryOnConflict('test', () => {
      runs++;
      if (runs === 1) return Promise.reject(conflict412());
      if (runs === 2) return Promise.reject(new WriteConflict('test'));
      return Promise.resolve('written');
    });
    assert.equal(result, 'written');
    assert.equal(runs, 3);
  });

  it('when an attempt fails for another reason, then it is not run again and the error passes through', async () => {
    let runs = 0;
    const failure = Object.assign(new Error('server busy'), { statusCode: 503 });
    await assert.rejects(
      retryOnConflict('test', () => {
        runs++;
        return Promise.reject(failure);
      }),
      (err) => err === failure,
    );
    assert.equal(runs, 1);
  });

  it('when every attempt loses, then it gives up after the allowed number with an unresolved conflict', async () => {
    let runs = 0;
    await assert.rejects(
      retryOnConflict(
        'test',
        () => {
          runs++;
          return Promise.reject(Object.assign(new Error('exists'), { statusCode: 409 }));
        },
        { attempts: 4 },
      ),
      ConflictUnresolved,
    );
    assert.equal(runs, 4);
  });
});
