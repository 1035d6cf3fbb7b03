// The sandbox's one connection to the engine: discovered once, checked with
// a ping, and rediscovered after a failure (Docker started later, a context
// switched), so a call made while Docker is down gets a sentence, not a stack.
import type Docker from 'dockerode';
import { AirlockError } from '../errors';
import { connectDocker } from './docker-connect';
import { engineUnreachable } from './docker-errors';
import { discoverEngine, type DiscoveryEnv } from './engine-discovery';
import { engineVersionAdvice, identifyEngine, type EngineIdentity } from './engine-identity';

export interface Engine {
  docker: Docker;
  /** Where the engine was found and why, e.g. "the system Docker Engine socket (the first socket found)". */
  source: string;
  identity: EngineIdentity;
  /** CT-02: a sentence when this engine version weakens loopback publishing. */
  advice?: string;
}

export class EngineConnection {
  private engine: Engine | undefined;

  constructor(private readonly discoveryEnv?: () => DiscoveryEnv) {}

  async get(): Promise<Engine> {
    if (this.engine) {
      try {
        await this.engine.docker.ping();
        return this.engine;
      } catch {
        this.engine = undefined;
      }
    }
    const choice = discoverEngine(this.discoveryEnv?.());
    if (!choice.ok) throw new AirlockError('unavailable', choice.message);
    const docker = connectDocker(choice.endpoint);
    let identity: EngineIdentity;
    try {
      identity = await identifyEngine(docker);
    } catch (error) {
      throw (
        engineUnreachable(error) ??
        new AirlockError('unavailable', 'Docker did not answer. Start Docker and try again.')
      );
    }
    const advice = engineVersionAdvice(identity.version, process.platform, identity.product);
    this.engine = {
      docker,
      source: `${choice.endpoint.source} (${choice.why})`,
      identity,
      ...(advice ? { advice } : {}),
    };
    return this.engine;
  }
}
