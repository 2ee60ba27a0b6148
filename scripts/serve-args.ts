import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node arguments of `npm run serve` (as App Service runs the bot), with paths made absolute:
 * `npm start` and the bench run the bot exactly so, flags included.
 */
export function serveArgs(root: string): string[] {
  const serve = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.serve!;
  const [node, ...args] = serve.split(/\s+/);
  if (node !== 'node') throw new Error(`npm run serve does not start node: ${serve}`);
  return args.map((a) => (a.endsWith('.ts') ? join(root, a) : a));
}
