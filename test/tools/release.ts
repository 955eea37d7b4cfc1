/**
 * `npm run release [patch|minor|major]`: bumps the version, dates the CHANGELOG's "Unreleased" section, builds,
 * packages (release/people-directory-<version>.zip), then commits and tags `v<version>` in the local repository.
 * Nothing is pushed or published. Refuses to run on a tree with uncommitted changes.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { packageApp } from './package'

const CHANGELOG = 'docs/CHANGELOG.md'
const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'inherit' })
const output = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim()

export function nextVersion(current: string, part: 'patch' | 'minor' | 'major'): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current)
  if (!match) throw new Error(`not a plain x.y.z version: ${current}`)
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number]
  if (part === 'major') return `${major + 1}.0.0`
  if (part === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
}

/** The changelog with its "## Unreleased" heading turned into this version and date, and a fresh one above. */
export function datedChangelog(text: string, version: string, date: string): string {
  if (!/^## Unreleased$/m.test(text)) throw new Error(`${CHANGELOG} has no "## Unreleased" section`)
  return text.replace(/^## Unreleased$/m, `## Unreleased\n\n## ${version} (${date})`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const part = (process.argv[2] ?? 'patch') as 'patch' | 'minor' | 'major'
  if (!['patch', 'minor', 'major'].includes(part)) throw new Error('usage: npm run release [patch|minor|major]')
  if (output('git', ['status', '--porcelain'])) throw new Error('commit or stash your changes first')

  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  const version = nextVersion(pkg.version, part)
  run('npm', ['version', version, '--no-git-tag-version'])
  const today = new Date().toISOString().slice(0, 10)
  writeFileSync(CHANGELOG, datedChangelog(readFileSync(CHANGELOG, 'utf8'), version, today))

  run('npm', ['run', 'build'])
  const { path, bytes } = packageApp(version)
  run('git', ['add', 'package.json', 'package-lock.json', CHANGELOG])
  run('git', ['commit', '-m', `Release ${version}`])
  run('git', ['tag', '-a', `v${version}`, '-m', `People Directory ${version}`])
  console.log(`\nReleased ${version}: ${path} (${(bytes / 1024).toFixed(1)} KB), tagged v${version} locally.`)
}
