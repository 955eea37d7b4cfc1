import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { datedChangelog, nextVersion } from './release'

describe('releases', () => {
  it('bump the version part asked for', () => {
    expect(nextVersion('0.1.0', 'patch')).toBe('0.1.1')
    expect(nextVersion('0.1.9', 'minor')).toBe('0.2.0')
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0')
    expect(() => nextVersion('1.0.0-beta.1', 'patch')).toThrow()
  })

  it('date the unreleased changes and open a new section above them', () => {
    const text = '# Changelog\n\n## Unreleased\n\n- Admin views.\n\n## 0.1.0 (2026-11-01)\n\n- First.\n'
    expect(datedChangelog(text, '0.2.0', '2026-11-22')).toBe(
      '# Changelog\n\n## Unreleased\n\n## 0.2.0 (2026-11-22)\n\n- Admin views.\n\n## 0.1.0 (2026-11-01)\n\n- First.\n',
    )
    expect(() => datedChangelog('# Changelog\n', '0.2.0', '2026-11-22')).toThrow(/Unreleased/)
  })
})

describe('the package', () => {
  it('holds the built app with index.html at the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-package-'))
    const cwd = process.cwd()
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'dist/assets'), { recursive: true })
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><script src="./assets/app.js"></script>')
    writeFileSync(join(dir, 'dist/assets/app.js'), 'console.log(1)')
    process.chdir(dir)
    try {
      const { packageApp } = await import('./package')
      const { path, files } = packageApp('9.9.9')
      expect(path).toBe(join('release', 'people-directory-9.9.9.zip'))
      expect(files).toBe(2)
      const entries = unzipSync(readFileSync(join(dir, path)))
      expect(Object.keys(entries).sort()).toEqual(['assets/app.js', 'index.html', 'install.html'])
      expect(new TextDecoder().decode(entries['index.html'])).toContain('./assets/app.js')
    } finally {
      process.chdir(cwd)
    }
  })
})
