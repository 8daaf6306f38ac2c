/**
 * Watch mode, kept simple: `fs.watch` each function's code directory (the app's dist) and
 * replace its instances on change; if the app has a `build.mjs` beside `src`, watch `src` too
 * and run that build, whose new dist then triggers the replacement. Debounced.
 */
import { spawn } from 'node:child_process'
import { existsSync, type FSWatcher, watch } from 'node:fs'
import { dirname, join } from 'node:path'
import type { LocalFunction } from '../config/index.js'

export interface CodeWatcher {
  close(): void
}

function debounce(ms: number, run: () => void): () => void {
  let timer: NodeJS.Timeout | undefined
  return () => {
    clearTimeout(timer)
    timer = setTimeout(run, ms)
  }
}

/**
 * @example
 * const watcher = watchCode(config.functions, (fn) => pools.get(fn.logicalId)?.replaceAll(), console.log)
 */
export function watchCode(
  functions: LocalFunction[],
  onCodeChange: (fn: LocalFunction) => void,
  log: (line: string) => void,
): CodeWatcher {
  const watchers: FSWatcher[] = []
  const builds = new Map<string, () => void>()
  const add = (dir: string, onChange: () => void) => {
    try {
      const w = watch(dir, { recursive: true }, onChange)
      w.on('error', () => w.close())
      watchers.push(w)
    } catch (err) {
      log(`watch: cannot watch ${dir}: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  for (const fn of functions) {
    if (existsSync(fn.codeDir)) {
      add(
        fn.codeDir,
        debounce(150, () => {
          log(`watch: ${fn.functionName}: code changed, replacing instances`)
          onCodeChange(fn)
        }),
      )
    }
    const appDir = dirname(fn.codeDir)
    const src = join(appDir, 'src')
    if (!builds.has(appDir) && existsSync(join(appDir, 'build.mjs')) && existsSync(src)) {
      let running = false
      const build = debounce(200, () => {
        if (running) return
        running = true
        log(`watch: building ${appDir}`)
        const child = spawn(process.execPath, ['build.mjs'], {
          cwd: appDir,
          stdio: ['ignore', 'inherit', 'inherit'],
        })
        child.on('exit', (code) => {
          running = false
          log(`watch: build of ${appDir} ${code === 0 ? 'done' : `failed (exit ${code})`}`)
        })
      })
      builds.set(appDir, build)
      add(src, build)
    }
  }
  return {
    close: () => {
      for (const w of watchers) w.close()
    },
  }
}
