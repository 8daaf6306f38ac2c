import { createHash } from 'node:crypto'

/** What `Ref` and `Fn::GetAtt` return for one resource. */
export interface ResourceIdentity {
  ref: string
  attrs: Record<string, string | string[]>
}

/** Deterministic stand-ins for the ids AWS would generate. */
export interface IdentityEnv {
  stackName: string
  logicalId: string
  region: string
  accountId: string
  partition: string
  /** resolve a property of this resource to a string, or undefined when absent */
  prop(name: string): string | undefined
}

/** Hex digest of the stack and logical id: stable across runs, unique per resource. */
export function localId(stack: string, logicalId: string, length = 16): string {
  return createHash('sha256').update(`${stack}/${logicalId}`).digest('hex').slice(0, length)
}

/** `<stack>-<logicalId>` cut to a service's name limit. */
function generatedName(env: IdentityEnv, max: number): string {
  return `${env.stackName}-${env.logicalId}`.slice(0, max)
}

/** S3-valid deterministic bucket name: lower case, `[a-z0-9.-]`, 3–63 characters. */
export function localBucketName(stack: string, logicalId: string): string {
  const cleaned = `${stack}-${logicalId}`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-')
  const trimmed = trimToAlphanumeric(cleaned).slice(0, 63)
  return trimmed.length >= 3 ? trimmed : `${trimmed}-bucket`
}

/** Drop leading and trailing characters other than [a-z0-9], in one pass (no backtracking RegExp). */
function trimToAlphanumeric(s: string): string {
  const alnum = (i: number) => /[a-z0-9]/.test(s.charAt(i))
  let start = 0
  let end = s.length
  while (start < end && !alnum(start)) start++
  while (end > start && !alnum(end - 1)) end--
  return s.slice(start, end)
}

function elb(env: IdentityEnv): string {
  return `arn:${env.partition}:elasticloadbalancing:${env.region}:${env.accountId}`
}

type IdentityBuilder = (env: IdentityEnv) => ResourceIdentity

const lambdaFunction: IdentityBuilder = (env) => {
  // Lambda function names: up to 64 characters (Lambda API reference, CreateFunction).
  const name = env.prop('FunctionName') ?? generatedName(env, 64)
  const arn = `arn:${env.partition}:lambda:${env.region}:${env.accountId}:function:${name}`
  return { ref: name, attrs: { Arn: arn } }
}

const BUILDERS: Record<string, IdentityBuilder> = {
  'AWS::Serverless::Function': lambdaFunction,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::ElasticLoadBalancingV2::TargetGroup': (env) => {
    // Target group names: up to 32 characters (ELBv2 API reference, CreateTargetGroup).
    const name = env.prop('Name') ?? generatedName(env, 32)
    const full = `targetgroup/${name}/${localId(env.stackName, env.logicalId)}`
    const arn = `${elb(env)}:${full}`
    return {
      ref: arn,
      attrs: {
        TargetGroupArn: arn,
        TargetGroupName: name,
        TargetGroupFullName: full,
        LoadBalancerArns: [],
      },
    }
  },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (env) => {
    const name = env.prop('Name') ?? generatedName(env, 32)
    const full = `app/${name}/${localId(env.stackName, env.logicalId)}`
    const arn = `${elb(env)}:loadbalancer/${full}`
    const dns = `${name}-${parseInt(localId(env.stackName, env.logicalId, 8), 16)}.${env.region}.elb.amazonaws.com`
    return {
      ref: arn,
      attrs: {
        LoadBalancerArn: arn,
        LoadBalancerFullName: full,
        LoadBalancerName: name,
        DNSName: dns,
        CanonicalHostedZoneID: 'Z35SXDOTRQ7X7K',
        SecurityGroups: [],
      },
    }
  },
  'AWS::ElasticLoadBalancingV2::Listener': (env) => {
    const lb = env.prop('LoadBalancerArn') ?? ''
    const lbPart =
      /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(lb)?.[1] ?? `app/local/${localId('lb', lb)}`
    const arn = `${elb(env)}:listener/${lbPart}/${localId(env.stackName, env.logicalId)}`
    return { ref: arn, attrs: { ListenerArn: arn } }
  },
  'AWS::ElasticLoadBalancingV2::ListenerRule': (env) => {
    const arn = `${elb(env)}:listener-rule/app/local/${localId(env.stackName, env.logicalId)}`
    return { ref: arn, attrs: { RuleArn: arn, IsDefault: 'false' } }
  },
  'AWS::S3::Bucket': (env) => {
    const name = env.prop('BucketName') ?? localBucketName(env.stackName, env.logicalId)
    return {
      ref: name,
      attrs: {
        Arn: `arn:${env.partition}:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${env.region}.amazonaws.com`,
        DualStackDomainName: `${name}.s3.dualstack.${env.region}.amazonaws.com`,
        WebsiteURL: `http://${name}.s3-website-${env.region}.amazonaws.com`,
      },
    }
  },
  'AWS::EC2::SecurityGroup': (env) => {
    const id = `sg-${localId(env.stackName, env.logicalId, 17)}`
    return { ref: id, attrs: { GroupId: id, VpcId: env.prop('VpcId') ?? '' } }
  },
  'AWS::Logs::LogGroup': (env) => {
    const name = env.prop('LogGroupName') ?? generatedName(env, 512)
    const arn = `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${name}:*`
    return { ref: name, attrs: { Arn: arn } }
  },
  'AWS::IAM::Role': (env) => {
    const name = env.prop('RoleName') ?? generatedName(env, 64)
    const arn = `arn:${env.partition}:iam::${env.accountId}:role/${name}`
    return {
      ref: name,
      attrs: { Arn: arn, RoleId: `AROA${localId(env.stackName, env.logicalId, 17).toUpperCase()}` },
    }
  },
}

/**
 * The deterministic local identity of a resource.
 *
 * @example
 * resourceIdentity('AWS::S3::Bucket', env).ref // 'upload-to-s3-uploadbucket'
 */
export function resourceIdentity(type: string, env: IdentityEnv): ResourceIdentity {
  const builder = BUILDERS[type]
  if (builder) return builder(env)
  // Any other type: a stable placeholder; its attributes resolve to readable stand-ins.
  const ref = `${env.stackName}-${env.logicalId}-${localId(env.stackName, env.logicalId, 8)}`
  return { ref, attrs: { Arn: `arn:${env.partition}:local:${env.region}:${env.accountId}:${ref}` } }
}
