// The engine's HTTP server: the gate, then one route per Ollama call it speaks
// (and the two OpenAI-compatible calls).
// Anything else is 404, so an Ollama call it does not support fails plainly.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleChat } from './api-chat';
import { handlePs, handleShow, handleTags, handleVersion } from './api-info';
import { handleOpenAiChat, handleOpenAiModels } from './api-openai';
import { HttpError, refusal, sendError, type GateRules } from './http-io';
import type { ModelFolder } from './model-folder';
import type { ModelRunner } from './model-runner';

export interface ServerDeps {
  folder: ModelFolder;
  runner: ModelRunner;
  contextSize: number;
  gate: GateRules;
  log: (line: string) => void;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://engine').pathname;
  const key = `${req.method ?? ''} ${path}`;
  switch (key) {
    case 'GET /api/version':
      return handleVersion(res);
    case 'GET /api/tags':
      return handleTags(res, deps.folder);
    case 'POST /api/show':
      return handleShow(req, res, deps.folder);
    case 'GET /api/ps':
      return handlePs(res, deps.runner, deps.folder);
    case 'POST /api/chat':
      return handleChat(req, res, deps);
    // The OpenAI-compatible subset, for tools that speak only that (LM Studio-style clients).
    case 'GET /v1/models':
      return handleOpenAiModels(res, deps.folder);
    case 'POST /v1/chat/completions':
      return handleOpenAiChat(req, res, deps);
    default:
      throw new HttpError(404, `${key} is not part of the built-in engine's API`);
  }
}

export function createEngineServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    const refused = refusal(req, deps.gate);
    if (refused) return sendError(res, 403, refused);
    route(req, res, deps).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500)
        deps.log(`engine: ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendError(res, status, (error as Error).message);
    });
  });
  // Generations can run for minutes; Node's default 5-minute request timeout would cut them.
  server.requestTimeout = 0;
  return server;
}
