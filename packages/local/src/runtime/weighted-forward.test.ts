// The blue/green pattern (templates/patterns/blue-green.yaml) through the local load balancer: a
// weighted forward across two target groups splits traffic by weight (ELB User Guide, forward
// actions with weighted target groups). Bounds are wide enough for randomness, tight enough to
// catch a split that ignores the weights (50/50) or inverts them.
import assert from 'node:assert/strict'
import { cpSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../config/load-config.js'
import { tempTree } from '../config/test-support.js'
import { startConfig } from './test-support.js'

const repo = fileURLToPath(new URL('../../../..', import.meta.url))
// Both colours' CodeUri is apps/whats-my-ip/dist: here a handler that answers with its colour.
const root = tempTree({
  'apps/whats-my-ip/dist/index.mjs':
    "export const handler = async () => ({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'text/plain' }, body: process.env.DEPLOYMENT_COLOR })\n",
})
cpSync(join(repo, 'templates'), join(root, 'templates'), { recursive: true })
after(() => rmSync(root, { recursive: true, force: true }))

function get(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        body += c
      })
      res.on('end', () => resolve(`${res.statusCode} ${body}`))
    })
      .on('error', reject)
      .end()
  })
}

test('blue-green.yaml at BlueWeight 90 / GreenWeight 10: 1000 requests split about 90/10', async () => {
  const config = await loadConfig(
    [join(root, 'templates/sam/alb.yaml'), join(root, 'templates/patterns/blue-green.yaml')],
    { parameterOverrides: { BlueWeight: '90', GreenWeight: '10' } },
  )
  assert.deepEqual(config.warnings, [])
  const alb = await startConfig(config, { logDir: join(root, 'logs') })
  const agent = new Agent({ keepAlive: true, maxSockets: 8 })
  try {
    const counts: Record<string, number> = {}
    for (let batch = 0; batch < 1000 / 8; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => get(`${alb.url}/blue-green`, agent)),
      )
      for (const a of answers) counts[a] = (counts[a] ?? 0) + 1
    }
    const blue = counts['200 blue'] ?? 0
    const green = counts['200 green'] ?? 0
    assert.equal(blue + green, 1000, JSON.stringify(counts))
    assert.ok(blue >= 800 && blue <= 970, `blue ${blue} of 1000`)
    assert.ok(green >= 30 && green <= 200, `green ${green} of 1000`)
  } finally {
    agent.destroy()
    await alb.close()
  }
})
