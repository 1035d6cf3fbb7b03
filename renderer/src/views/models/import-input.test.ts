import { describe, expect, it } from 'vitest';
import { checkImport, type ImportDraft } from './import-input';

const sha = 'ab'.repeat(32);
const draft = (over: Partial<ImportDraft>): ImportDraft => ({
  from: 'file',
  path: '/models/tiny.gguf',
  url: '',
  sha256: sha,
  name: '',
  ...over,
});

describe('the import form check', () => {
  it('sends a trimmed path and a lower-cased digest, and the name only when given', () => {
    expect(
      checkImport(draft({ path: '  /models/tiny.gguf ', sha256: ` ${sha.toUpperCase()} ` })).input,
    ).toEqual({
      path: '/models/tiny.gguf',
      sha256: sha,
    });
    expect(checkImport(draft({ from: 'url', url: 'https://hf.co/m.gguf', name: 'tiny' })).input).toEqual({
      url: 'https://hf.co/m.gguf',
      sha256: sha,
      name: 'tiny',
    });
  });

  it('names what to fix, field by field', () => {
    expect(checkImport(draft({ path: '', sha256: '' })).problems).toEqual({
      path: 'models.import.pathRequired',
      sha256: 'models.import.shaRequired',
    });
    expect(checkImport(draft({ path: 'tiny.gguf' })).problems.path).toBe('models.import.pathRelative');
    expect(checkImport(draft({ sha256: sha.slice(1) })).problems.sha256).toBe('models.import.shaInvalid');
    expect(checkImport(draft({ from: 'url', url: 'http://hf.co/m.gguf' })).problems.url).toBe(
      'models.import.urlInvalid',
    );
    expect(checkImport(draft({ name: '../evil' })).problems.name).toBe('models.import.nameInvalid');
    expect(checkImport(draft({ name: '../evil' })).input).toBeUndefined();
  });
});
