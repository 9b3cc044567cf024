import fs from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('project root not found');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
