// Turns a model file's scan report into its inventory row, the same way for an
// import, the demo model, and a file found in the model folder at start.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { InventoryRow, SourceKind } from '../store/model-inventory';
import type { ModelReport } from './inspect-model';

export interface RowFacts {
  id: string;
  fileName: string;
  sourceKind: SourceKind;
  sourceRef: string;
  sha256: string;
  size: number;
  report: ModelReport;
  importedAt: number;
  importedBy: string;
  state: InventoryRow['state'];
  importerPid?: number;
}

/** `tiny.gguf` is served as `tiny:latest`, as the built-in engine names it; other formats keep their base name. */
export function servedName(fileName: string): string {
  return fileName.endsWith('.gguf') ? `${fileName.slice(0, -'.gguf'.length)}:latest` : fileName;
}

export function rowFromReport(facts: RowFacts): InventoryRow {
  const { report } = facts;
  if (report.format !== 'gguf' && report.format !== 'safetensors')
    throw new Error(`a ${report.format} file has no inventory row`);
  const gguf = report.gguf;
  const findings = (report.templateFindings ?? []).map((f) => `${f.key}: ${f.why}`);
  return {
    id: facts.id,
    name: servedName(facts.fileName),
    fileName: facts.fileName,
    state: facts.state,
    ...(facts.importerPid !== undefined ? { importerPid: facts.importerPid } : {}),
    sourceKind: facts.sourceKind,
    sourceRef: facts.sourceRef,
    sha256: facts.sha256,
    size: facts.size,
    format: report.format,
    ...(gguf?.architecture ? { architecture: gguf.architecture } : {}),
    ...(gguf ? { parameterCount: gguf.parameterCount } : {}),
    ...(gguf?.quantization ? { quantization: gguf.quantization } : {}),
    ...(gguf?.contextLength != null ? { contextLength: gguf.contextLength } : {}),
    templateVerdict: findings.length > 0 ? 'flagged' : (report.chatTemplateCount ?? 0) > 0 ? 'safe' : 'none',
    scan: { verdict: report.accepted ? 'passed' : 'quarantined', findings },
    importedAt: facts.importedAt,
    importedBy: facts.importedBy,
  };
}

/** SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
