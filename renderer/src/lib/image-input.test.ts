import { describe, expect, it } from 'vitest';
import { imageRefSchema } from '../../../shared/sandbox-contract';
import { canUseImage, checkImageName, checkTarPath } from './image-input';
import { defaultRuntimeImage } from './default-image';

const digest = `sha256:${'a'.repeat(64)}`;

describe('the image name field', () => {
  it('accepts what the contract accepts', () => {
    for (const name of [
      'ollama/ollama:0.20.2',
      `ollama/ollama@${digest}`,
      `ollama/ollama:0.20.2@${digest}`,
      '127.0.0.1:5000/airlock/runtime:1',
      'registry.example/a/b_c__d-e:v1.2',
      defaultRuntimeImage,
    ]) {
      expect(checkImageName(name), name).toBeUndefined();
      expect(imageRefSchema.safeParse(name).success, name).toBe(true);
    }
  });

  it('refuses what the contract refuses, with a sentence', () => {
    for (const name of [
      'Ollama/ollama',
      'ollama ollama',
      'a;rm -rf /',
      'a:tag@sha256:short',
      'a/',
      '$(id)',
    ]) {
      expect(checkImageName(name), name).toBe('security.image.nameInvalid');
      expect(imageRefSchema.safeParse(name).success, name).toBe(false);
    }
    expect(checkImageName('  ')).toBe('security.image.nameRequired');
  });

  it('reads the name without the spaces around it', () => {
    expect(checkImageName('  ollama/ollama:1  ')).toBeUndefined();
  });
});

describe('the image file field', () => {
  it('wants a .tar path, and leaves whether it exists to the core', () => {
    expect(checkTarPath('/srv/images/runtime.tar')).toBeUndefined();
    expect(checkTarPath('C:\\images\\runtime.TAR')).toBeUndefined();
    expect(checkTarPath('relative.tar')).toBeUndefined();
    expect(checkTarPath('/srv/images/runtime.tar.gz')).toBe('security.image.pathNotTar');
    expect(checkTarPath('')).toBe('security.image.pathRequired');
    expect(checkTarPath(`/${'a'.repeat(4096)}.tar`)).toBe('security.image.pathTooLong');
  });
});

describe('which names can become the next image', () => {
  it('takes names, not the ids an untagged image loads as', () => {
    expect(canUseImage('airlock-test-runtime:1')).toBe(true);
    expect(canUseImage(digest)).toBe(false);
    expect(canUseImage('Not A Name')).toBe(false);
  });
});
