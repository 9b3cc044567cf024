/**
 * npm run hash-secret -- <secret>   (or the secret on stdin)
 * Prints the scrypt hash to put in the clients file (GATEWAY_CLIENTS_FILE); the secret itself is never stored.
 */
import fs from 'node:fs';
import { hashSecret } from '../auth/secret-hash';
import { terminate } from '../terminate';

async function main() {
  const secret = process.argv[2] ?? fs.readFileSync(0, 'utf8').trim();
  if (!secret || secret.length < 16) {
    console.error('usage: npm run hash-secret -- <secret of at least 16 characters>');
    terminate(2);
  }
  console.log(await hashSecret(secret));
}

void main();
