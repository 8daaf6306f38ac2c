import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import JSZip from 'jszip'

/**
 * Lambda's deployment package limits (Lambda Developer Guide, "Lambda quotas"): 50 MB zipped for
 * a direct upload, 250 MB unzipped whatever the upload path.
 */
export const LAMBDA_ZIP_LIMIT = 50 * 1024 * 1024
export const LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024

/** A zip and what it holds. */
export interface Artifact {
  zip: Buffer
  files: string[]
  unzippedBytes: number
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

/**
 * Zip every file under `dir`, paths relative to it — what `sam deploy` and
 * `aws cloudformation package` upload for a local `CodeUri` directory.
 *
 * @example
 * const { zip, files } = await zipDirectory('/repo/apps/whats-my-ip/dist')
 */
export async function zipDirectory(dir: string): Promise<Artifact> {
  const zip = new JSZip()
  let unzippedBytes = 0
  const files = await listFiles(dir)
  for (const file of files) {
    const data = await readFile(join(dir, file))
    unzippedBytes += data.length
    zip.file(file, data)
  }
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  return { zip: buffer, files, unzippedBytes }
}

/**
 * Extract a zip into `to` (refusing entries that would land outside it) and return what it held.
 *
 * @example
 * await extractZip(await readFile('/tmp/app.zip'), '/tmp/task')
 */
export async function extractZip(data: Buffer, to: string): Promise<Artifact> {
  const zip = await JSZip.loadAsync(data)
  const root = resolve(to)
  const files: string[] = []
  let unzippedBytes = 0
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue
    const target = resolve(root, entry.name)
    if (!target.startsWith(root + sep))
      throw new Error(`zip entry "${entry.name}" would be written outside ${to}`)
    const bytes = await entry.async('nodebuffer')
    unzippedBytes += bytes.length
    if (unzippedBytes > LAMBDA_UNZIPPED_LIMIT)
      throw new Error(`the zip holds more than Lambda's ${LAMBDA_UNZIPPED_LIMIT} unzipped bytes`)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, bytes)
    files.push(entry.name)
  }
  return { zip: data, files: files.sort(), unzippedBytes }
}
