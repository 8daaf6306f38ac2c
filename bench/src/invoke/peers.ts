/** Every peer of cost-per-invocation, in table order (the bare handler first: it is the floor). */
import type { PeerHandler } from './events.js'
import { albkitHandler } from './peer-albkit.js'
import { albkitCoreHandler } from './peer-albkit-core.js'
import { bareHandler } from './peer-bare.js'
import { expressHandler } from './peer-express.js'
import { honoHandler } from './peer-hono.js'
import { lambdaApiHandler } from './peer-lambda-api.js'
import { powertoolsHandler } from './peer-powertools.js'

export interface Peer {
  name: string
  handler: PeerHandler
}

export function peers(): Peer[] {
  return [
    { name: 'bare handler (floor)', handler: bareHandler },
    { name: 'albkit (core + middy)', handler: albkitHandler() },
    { name: 'albkit core alone (no middy)', handler: albkitCoreHandler },
    { name: 'lambda-api', handler: lambdaApiHandler() },
    { name: 'hono (aws-lambda adapter)', handler: honoHandler() },
    { name: 'Powertools event-handler', handler: powertoolsHandler() },
    { name: 'serverless-express + express 4', handler: expressHandler() },
  ]
}
