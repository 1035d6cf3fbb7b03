// One verdict for a model file: sniff its type, refuse what is not allowed
// (MI-01), then validate what is (GGUF structure MI-03 and chat template
// MI-04; safetensors offsets). Pickles are only walked for the report when
// asked, never loaded, and refused either way.
import { AirlockError } from '../errors';
import type { ByteSource } from './byte-source';
import { scanChatTemplate, type TemplateFinding } from './chat-template-scan';
import { parseGguf } from './gguf-parse';
import { chatTemplates, summarizeGguf, type GgufSummary } from './gguf-summary';
import { scanPickle, type PickleScan } from './pickle-scan';
import { parseSafetensors, type SafetensorsInfo } from './safetensors';
import { sniffFormat, type ModelFormat } from './sniff';
import { scanTorchZip, type ArchiveScan } from './torch-zip-scan';

export type Refusal = 'unsupported_format' | 'invalid_gguf' | 'invalid_safetensors' | 'unsafe_template';

export interface ModelReport {
  format: ModelFormat;
  detail: string;
  accepted: boolean;
  /** Set when refused: a code for the UI and the sentence to show. */
  refusal?: Refusal;
  reason?: string;
  gguf?: GgufSummary;
  templateFindings?: TemplateFinding[];
  /** How many chat templates the GGUF carries (0: none to scan). */
  chatTemplateCount?: number;
  safetensors?: Omit<SafetensorsInfo, 'tensors'> & { tensorCount: number };
  /** Only when `inspectPickles` is set: what a refused pickle would have imported. */
  pickle?: PickleScan | ArchiveScan;
}

export interface InspectOptions {
  /** Walk pickle opcodes to explain a refusal (a user who insists on inspecting one). */
  inspectPickles?: boolean;
}

export async function inspectModel(source: ByteSource, options: InspectOptions = {}): Promise<ModelReport> {
  const sniffed = await sniffFormat(source);
  const base = { format: sniffed.format, detail: sniffed.detail };
  if (!sniffed.accepted) {
    const report: ModelReport = {
      ...base,
      accepted: false,
      refusal: 'unsupported_format',
      reason: sniffed.explanation!,
    };
    if (options.inspectPickles && sniffed.format === 'pickle') report.pickle = await scanPickle(source);
    if (options.inspectPickles && (sniffed.format === 'pytorch-zip' || sniffed.format === 'zip')) {
      report.pickle = await scanTorchZip(source);
    }
    return report;
  }
  try {
    return sniffed.format === 'gguf'
      ? await inspectGguf(source, base)
      : await inspectSafetensors(source, base);
  } catch (error) {
    const reason = error instanceof AirlockError ? error.details?.reason : undefined;
    if (error instanceof AirlockError && (reason === 'invalid_gguf' || reason === 'invalid_safetensors')) {
      return { ...base, accepted: false, refusal: reason, reason: error.message };
    }
    throw error;
  }
}

async function inspectGguf(
  source: ByteSource,
  base: Pick<ModelReport, 'format' | 'detail'>,
): Promise<ModelReport> {
  const header = await parseGguf(source);
  const gguf = summarizeGguf(header);
  const templates = chatTemplates(header);
  const templateFindings = templates.flatMap(({ key, template }) => scanChatTemplate(key, template));
  const chatTemplateCount = templates.length;
  if (templateFindings.length === 0)
    return { ...base, accepted: true, gguf, templateFindings, chatTemplateCount };
  const why = [...new Set(templateFindings.map((f) => f.why))].join('; ');
  return {
    ...base,
    accepted: false,
    refusal: 'unsafe_template',
    reason: `This model's chat template contains code that could take over a chat program (it ${why}), so Airlock quarantines it. Real chat templates never need this (CVE-2024-34359).`,
    gguf,
    templateFindings,
    chatTemplateCount,
  };
}

async function inspectSafetensors(
  source: ByteSource,
  base: Pick<ModelReport, 'format' | 'detail'>,
): Promise<ModelReport> {
  const { tensors, ...info } = await parseSafetensors(source);
  return { ...base, accepted: true, safetensors: { ...info, tensorCount: tensors.length } };
}
