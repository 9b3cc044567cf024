import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { gatewaySchema, loadConfig } from '../../src/gateway-config';
import { SecretHasher } from '../../src/auth/secret-hash';
import { BACKENDS, BACKEND_ENV } from '../../src/gateway/backends';
import { projectPath } from '../../src/paths';

/**
 * The deployment kit, as far as a machine without Docker or a cluster can check it: every file
 * parses, every environment variable it sets is a configuration key of the gateway, the probes and
 * healthchecks point at /health and /ready, the pods run as non-root on a read-only filesystem, no
 * Secret is committed, and the settings each one gives a replica load as a valid configuration.
 */
type Doc = Record<string, any>;

/** Every env var the configuration schema reads (the `env` of each leaf). */
function schemaEnvVars(node: unknown, out = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const leaf = node as { default?: unknown; env?: unknown };
    if ('default' in leaf) {
      if (typeof leaf.env === 'string') out.add(leaf.env);
    } else for (const v of Object.values(node)) schemaEnvVars(v, out);
  }
  return out;
}

const SCHEMA_ENV = schemaEnvVars(gatewaySchema);
const read = (...p: string[]) => fs.readFileSync(projectPath(...p), 'utf8');
const compose: Doc = YAML.parse(read('docker-compose.yml'), { merge: true });
const K8S_DIR = projectPath('deploy', 'kubernetes');
const manifests: Doc[] = fs
  .readdirSync(K8S_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(K8S_DIR, f), 'utf8')).map((d) => d.toJS() as Doc))
  .filter(Boolean);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const deployment = ofKind('Deployment')[0];
const podSpec = deployment.spec.template.spec;
const gatewayContainer = podSpec.containers[0];

/** A service's environment as a map (compose allows a map or a list of NAME=value). */
function envOf(service: Doc): Record<string, string> {
  const e = service.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((kv: string) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, String(v)]));
}

/** A throw-away PEM key pair, standing in for the files mounted in a container. */
function keyFiles(): { privateKey: string; publicKey: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-kit-'));
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const files = { privateKey: path.join(dir, 'private.pem'), publicKey: path.join(dir, 'public.pem') };
  fs.writeFileSync(files.privateKey, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  fs.writeFileSync(files.publicKey, pair.publicKey.export({ format: 'pem', type: 'spki' }));
  return files;
}

describe('docker-compose.yml', () => {
  const services = compose.services as Record<string, Doc>;
  const gateways = Object.entries(services).filter(([name]) => /^gateway-\d+$/.test(name));

  it('when parsed, then it has Redis with AOF, the cores-only service, two gateway replicas and one balancer port', () => {
    expect(services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(services.redis.volumes).toEqual(['redis-data:/data']);
    expect(services.cores.command).toEqual(['node', 'dist/src/sandbox/cores-main.js']);
    expect(JSON.parse(read('package.json')).scripts['sandbox:cores']).toContain('dist/src/sandbox/cores-main.js');
    expect(gateways).toHaveLength(2);
    expect(services['gateway-lb'].ports).toEqual(['8080:8080']);
    const nginx = read('deploy', 'compose', 'nginx.conf');
    for (const [name] of gateways) expect(nginx).toContain(`server ${name}:8081`);
    // a POST (money) is never sent to a second replica by the balancer
    expect(nginx).toMatch(/^\s*proxy_next_upstream error;/m);
    expect(nginx).not.toMatch(/^\s*proxy_next_upstream[^;]*non_idempotent/m);
  });

  it('when every service is read, then each environment variable it sets is a configuration key', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const key of Object.keys(envOf(service))) expect({ service: name, key, known: SCHEMA_ENV.has(key) }).toEqual({ service: name, key, known: true });
    }
  });

  it('when the replicas are read, then they share one Redis, prefix, signing key and client registry, and point every core at the cores service', () => {
    const [first, second] = gateways.map(([, s]) => envOf(s));
    expect(second).toEqual(first);
    expect(first).toMatchObject({ GATEWAY_IDEMPOTENCY_STORE: 'redis', GATEWAY_RATE_LIMIT_STORE: 'redis', GATEWAY_OWNERSHIP_STORE: 'redis', GATEWAY_REDIS_URL: 'redis://redis:6379' });
    const coresPort = envOf(services.cores).GATEWAY_SANDBOX_PORT;
    for (const b of BACKENDS) expect(first[`GATEWAY_BACKEND_${BACKEND_ENV[b]}_URL`]).toBe(`http://cores:${coresPort}/${b}`);
  });

  it('when a replica\'s settings are loaded as the gateway would, then they are a valid qa configuration', () => {
    const env = envOf(gateways[0][1]);
    const keys = keyFiles();
    const config = loadConfig({
      environment: { ...env, GATEWAY_CLIENTS_FILE: projectPath('deploy', 'compose', 'demo-clients.json'), JWT_SIGNING_KEY_FILE: keys.privateKey },
    });
    expect(config.env).toBe('qa');
    expect(config.sandbox.enabled).toBe(false);
    expect(config.auth.issueTokens).toBe(true);
  });

  it('when the demo client registry is read, then it is marked demo and its documented demo secret verifies', async () => {
    const registry = JSON.parse(read('deploy', 'compose', 'demo-clients.json'));
    expect(registry._note).toMatch(/DEMO ONLY/);
    const [client] = registry.clients;
    expect(client.clientId).toMatch(/demo/);
    // hashed under the compose file's demo pepper, the one its replicas run with
    const pepper = gateways[0][1].environment.GATEWAY_CLIENT_SECRET_PEPPER as string;
    expect(pepper).toMatch(/demo/);
    expect(new SecretHasher(pepper).hash('compose-demo-secret-not-a-real-secret')).toBe(client.secretHash);
    expect(read('README.md')).toContain('compose-demo-secret-not-a-real-secret');
  });

  it('when the healthchecks are read, then the replicas check /ready, the cores /health, Redis PING', () => {
    for (const [, g] of gateways) expect(g.healthcheck.test.join(' ')).toContain('/ready');
    expect(services.cores.healthcheck.test.join(' ')).toContain('/health');
    expect(services.redis.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services['gateway-lb'].healthcheck.test.join(' ')).toContain('/health');
  });
});

describe('deploy/kubernetes', () => {
  it('when parsed, then there is a Deployment of 2+ replicas, a Service, a PodDisruptionBudget, a HorizontalPodAutoscaler and a ConfigMap, and no Secret', () => {
    expect(ofKind('Deployment')).toHaveLength(1);
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    for (const kind of ['Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'ConfigMap']) expect(ofKind(kind)).toHaveLength(1);
    expect(ofKind('Secret')).toHaveLength(0);
    expect(ofKind('HorizontalPodAutoscaler')[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(ofKind('PodDisruptionBudget')[0].spec.minAvailable).toBeGreaterThanOrEqual(1);
  });

  it('when the selectors are read, then the Service, PDB and HPA all reach the Deployment\'s pods on the container\'s port', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(ofKind('Service')[0].spec.selector).toEqual(labels);
    expect(ofKind('PodDisruptionBudget')[0].spec.selector.matchLabels).toEqual(labels);
    expect(ofKind('HorizontalPodAutoscaler')[0].spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    const portName = ofKind('Service')[0].spec.ports[0].targetPort;
    expect(gatewayContainer.ports.map((p: Doc) => p.name)).toContain(portName);
  });

  it('when the probes are read, then liveness is /health and readiness is /ready', () => {
    expect(gatewayContainer.livenessProbe.httpGet.path).toBe('/health');
    expect(gatewayContainer.readinessProbe.httpGet.path).toBe('/ready');
    expect(gatewayContainer.startupProbe.httpGet.path).toBe('/health');
  });

  it('when the security context is read, then the pod runs as non-root without privilege escalation on a read-only root filesystem', () => {
    expect(podSpec.securityContext.runAsNonRoot).toBe(true);
    expect(podSpec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(gatewayContainer.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(gatewayContainer.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(gatewayContainer.resources.limits.memory).toEqual(expect.any(String));
  });

  it('when the environment is read, then every variable set (env and the ConfigMap it loads) is a configuration key and secrets come from Secrets by name', () => {
    const configMaps = (gatewayContainer.envFrom ?? []).map((e: Doc) => e.configMapRef.name);
    const data = ofKind('ConfigMap').filter((c) => configMaps.includes(c.metadata.name)).flatMap((c) => Object.keys(c.data));
    expect(configMaps).toHaveLength(1);
    const names = [...data, ...gatewayContainer.env.map((e: Doc) => e.name)];
    for (const key of names) expect({ key, known: SCHEMA_ENV.has(key) }).toEqual({ key, known: true });
    const redisUrl = gatewayContainer.env.find((e: Doc) => e.name === 'GATEWAY_REDIS_URL');
    expect(redisUrl.valueFrom.secretKeyRef).toEqual({ name: 'bank-api-gateway-redis', key: 'url' });
    const pepper = gatewayContainer.env.find((e: Doc) => e.name === 'GATEWAY_CLIENT_SECRET_PEPPER');
    expect(pepper.valueFrom.secretKeyRef).toEqual({ name: 'bank-api-gateway-pepper', key: 'pepper' });
    expect(podSpec.volumes.filter((v: Doc) => v.secret).map((v: Doc) => v.secret.secretName).sort()).toEqual(['bank-api-gateway-clients', 'bank-api-gateway-jwt']);
  });

  it('when the ConfigMap and stand-ins for its Secrets are loaded as the gateway would, then they are a valid prod configuration on Redis', () => {
    const data = ofKind('ConfigMap')[0].data as Record<string, string>;
    const keys = keyFiles();
    const clients = path.join(path.dirname(keys.publicKey), 'clients.json');
    fs.writeFileSync(clients, JSON.stringify({ clients: [] }));
    const config = loadConfig({
      environment: { ...data, GATEWAY_REDIS_URL: 'rediss://gateway:placeholder@redis.example.invalid:6380', GATEWAY_CLIENT_SECRET_PEPPER: 'stand-in-pepper-from-the-secret-store-0123456789', GATEWAY_CLIENTS_FILE: clients, JWT_PUBLIC_KEY_FILE: keys.publicKey },
    });
    expect(config.env).toBe('prod');
    expect(config.policies.idempotency.store).toBe('redis');
    expect(config.policies.rateLimit.store).toBe('redis');
    // the pod's grace period covers the gateway's own drain and the preStop pause
    expect(podSpec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(config.server.shutdownGraceMs + 10_000);
  });
});
