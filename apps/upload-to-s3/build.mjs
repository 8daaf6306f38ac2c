import { bundleApp } from '@albkit/build'

const { outfile, bytes, gzipBytes } = await bundleApp({ entry: 'src/handler.ts', outdir: 'dist' })
console.log(`${outfile}: ${bytes} bytes (${gzipBytes} gzip)`)
