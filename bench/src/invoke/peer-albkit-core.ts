/**
 * @albkit/core without middy: parseRequest → response builder → toAlbResult. Not how the apps
 * run (they use the middy stack); here to show what the library itself costs next to the stack.
 */
import { type AlbEvent, parseRequest, toAlbResult } from '@albkit/core'
import { albkitAnswer } from './albkit-routes.js'
import type { PeerHandler } from './events.js'

export const albkitCoreHandler: PeerHandler = async (event: AlbEvent) => {
  const req = parseRequest(event)
  return toAlbResult(albkitAnswer(req), { mode: req.mode })
}
