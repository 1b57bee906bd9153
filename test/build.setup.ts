import { execFileSync } from 'node:child_process';

// The CLI tests run the compiled CLI, as users do; build it once so they never test stale code.
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
