/**
 * npm run hash-secret -- <secret>   (or the secret on stdin)
 * Prints the HMAC-SHA256 hash to put in the clients file (GATEWAY_CLIENTS_FILE), keyed with the
 * pepper of the environment it is for (GATEWAY_CLIENT_SECRET_PEPPER); the secret itself is never stored.
 */
import fs from 'node:fs';
import { SecretHasher } from '../auth/secret-hash';
import { SANDBOX_PEPPER } from '../config/schema';
import { terminate } from '../terminate';

function main() {
  const secret = process.argv[2] ?? fs.readFileSync(0, 'utf8').trim();
  if (!secret || secret.length < 16) {
    console.error('usage: GATEWAY_CLIENT_SECRET_PEPPER=<pepper> npm run hash-secret -- <secret of at least 16 characters>');
    terminate(2);
  }
  const pepper = process.env.GATEWAY_CLIENT_SECRET_PEPPER;
  if (!pepper) console.error('GATEWAY_CLIENT_SECRET_PEPPER is not set: hashing with the public sandbox pepper (valid in the sandbox only)');
  console.log(new SecretHasher(pepper || SANDBOX_PEPPER).hash(secret));
}

main();
