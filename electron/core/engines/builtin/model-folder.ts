// The engine's view of its models folder: which GGUF files it serves, under
// which Ollama-style names, and their details. A requested name is only ever
// matched against this listing, never joined into a path, so a name like
// "../../etc/passwd" cannot reach outside the folder.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GgufFileInfo } from 'node-llama-cpp';
import type { NodeLlamaCpp } from './engine-protocol';

export interface ModelEntry {
  /** Ollama-style name: "demo:latest" for demo.gguf. */
  name: string;
  path: string;
  size: number;
  modifiedAt: Date;
}

export interface ModelDetails {
  format: 'gguf';
  family: string;
  families: string[];
  parameter_size: string;
  quantization_level: string;
  context_length: number | null;
  chat_template: string;
  parameter_count: number;
}

const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.gguf$/;

export class ModelFolder {
  private readonly digests = new Map<string, string>();

  constructor(
    readonly dir: string,
    /** Injected: the engine imports node-llama-cpp once, where a failure can be reported. */
    private readonly nlc: Pick<NodeLlamaCpp, 'readGgufFileInfo' | 'GgufFileType'>,
  ) {}

  async list(): Promise<ModelEntry[]> {
    const names = (await readdir(this.dir)).filter((n) => fileName.test(n)).sort();
    const entries: ModelEntry[] = [];
    for (const n of names) {
      const path = join(this.dir, n);
      const s = await stat(path).catch(() => null);
      if (!s?.isFile()) continue;
      entries.push({
        name: `${n.slice(0, -'.gguf'.length)}:latest`,
        path,
        size: s.size,
        modifiedAt: s.mtime,
      });
    }
    return entries;
  }

  /** "demo", "demo:latest" and "demo.gguf" all name demo.gguf, as Ollama adds ":latest". */
  async find(requested: string): Promise<ModelEntry | undefined> {
    const wanted = requested.endsWith('.gguf') ? `${requested.slice(0, -5)}:latest` : requested;
    const full = wanted.includes(':') ? wanted : `${wanted}:latest`;
    return (await this.list()).find((m) => m.name === full);
  }

  /** sha256 like Ollama's digests; cached per path, size and mtime since big files take seconds. */
  async digest(model: ModelEntry): Promise<string> {
    const key = `${model.path}\0${model.size}\0${model.modifiedAt.getTime()}`;
    const known = this.digests.get(key);
    if (known) return known;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(model.path)) hash.update(chunk as Buffer);
    const digest = hash.digest('hex');
    this.digests.set(key, digest);
    return digest;
  }

  /** Reads the header in JS (no native code), so a hostile file cannot abort the engine here. */
  async details(model: ModelEntry): Promise<ModelDetails> {
    return detailsFrom(
      await this.nlc.readGgufFileInfo(model.path, {
        sourceType: 'filesystem',
        ignoreKeys: [
          'tokenizer.ggml.tokens',
          'tokenizer.ggml.scores',
          'tokenizer.ggml.token_type',
          'tokenizer.ggml.merges',
        ],
        logWarnings: false,
      }),
      this.nlc.GgufFileType,
    );
  }
}

function detailsFrom(info: GgufFileInfo, fileTypes: NodeLlamaCpp['GgufFileType']): ModelDetails {
  const general = info.metadata.general;
  const arch = String(general?.architecture ?? 'unknown');
  const archMeta = (info.metadata as unknown as Record<string, { context_length?: number } | undefined>)[
    arch
  ];
  const params = (info.fullTensorInfo ?? info.tensorInfo ?? []).reduce(
    (sum, t) => sum + t.dimensions.reduce<number>((a, d) => a * Number(d), 1),
    0,
  );
  const fileType = general?.file_type;
  return {
    format: 'gguf',
    family: arch,
    families: [arch],
    parameter_size: humanCount(params),
    quantization_level: fileType === undefined ? 'unknown' : quantName(fileTypes, fileType),
    context_length: archMeta?.context_length ?? null,
    chat_template: String(info.metadata.tokenizer?.chat_template ?? ''),
    parameter_count: params,
  };
}

/** Ollama writes F32, F16, Q4_0, Q4_K_M…; llama.cpp's enum says MOSTLY_Q4_K_M. */
function quantName(fileTypes: NodeLlamaCpp['GgufFileType'], fileType: number): string {
  const name = (fileTypes as unknown as Record<number, string | undefined>)[fileType];
  if (name === undefined) return `type ${fileType}`;
  return name === 'ALL_F32' ? 'F32' : name.replace(/^MOSTLY_/, '');
}

function humanCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  return `${(n / 1e3).toFixed(1)}K`;
}
