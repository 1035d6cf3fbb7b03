// The GGUF writer and the demo model: same bytes for a seed, a well-formed
// file, and one that node-llama-cpp really loads and generates readable text from.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaChat, LlamaLogLevel, readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoModel, demoModelShape } from './demo-model';
import { encodeGguf, ggufAlignment } from './gguf-write';

const dir = mkdtempSync(join(tmpdir(), 'airlock-gguf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GGUF writer', () => {
  it('writes the same bytes for a seed, other bytes for another seed, in well under a second', () => {
    const started = performance.now();
    const a = encodeGguf(buildDemoModel(42));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(encodeGguf(buildDemoModel(42)).equals(a)).toBe(true);
    expect(encodeGguf(buildDemoModel(43)).equals(a)).toBe(false);
  });

  it('writes a GGUF v3 header, counts and aligned data', async () => {
    const file = buildDemoModel(1);
    const bytes = encodeGguf(file);
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('GGUF');
    expect(bytes.readUInt32LE(4)).toBe(3);
    expect(bytes.readBigUInt64LE(8)).toBe(BigInt(file.tensors.length));
    expect(bytes.readBigUInt64LE(16)).toBe(BigInt(file.metadata.size));
    expect(bytes.length % ggufAlignment).toBe(0);

    const path = join(dir, 'header.gguf');
    writeFileSync(path, bytes);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.version).toBe(3);
    expect(info.metadata.general.architecture).toBe('llama');
    const tokens = info.metadata.tokenizer.ggml.tokens;
    expect(tokens.length).toBeGreaterThan(300);
    expect(tokens).toContain('<0x41>');
    expect(info.fullTensorInfo?.map((t) => t.name)).toContain('output.weight');
    expect(info.fullTensorInfo).toHaveLength(3 + 9 * demoModelShape.layers);
  });

  it('loads in node-llama-cpp and streams decoded, varied text', async () => {
    const path = join(dir, 'demo.gguf');
    writeFileSync(path, encodeGguf(buildDemoModel(7)));
    const llama = await getLlama({
      gpu: false,
      build: 'never',
      maxThreads: 1,
      logLevel: LlamaLogLevel.error,
    });
    const model = await llama.loadModel({ modelPath: path });
    const context = await model.createContext({ contextSize: 512, threads: 1 });
    const chat = new LlamaChat({ contextSequence: context.getSequence() });
    expect(chat.chatWrapper.wrapperName).toBe('ChatML');
    const tokens: number[] = [];
    const result = await chat.generateResponse(
      [
        { type: 'system', text: 'Be brief.' },
        { type: 'user', text: 'hello' },
        { type: 'model', response: [] },
      ],
      { maxTokens: 40, temperature: 0.8, seed: 1, onToken: (t) => tokens.push(...t) },
    );
    await context.dispose();
    await model.dispose();
    // Byte tokens decode to characters (no literal "<0x..>"), and a separate output matrix avoids one repeated token.
    expect(result.response).not.toMatch(/<0x[0-9A-F]{2}>/);
    expect(new Set(tokens).size).toBeGreaterThan(5);
  });
});
