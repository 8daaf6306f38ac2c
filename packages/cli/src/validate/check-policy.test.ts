// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation ${} syntax is the subject of these tests
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseTemplate } from '@albkit/local'
import { checkPolicy } from './check-policy.js'

// A minimal app template that follows the policy; each test breaks one thing.
const GOOD = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: dist
      AutoPublishAlias: live
      Policies:
        - Statement:
            - Effect: Allow
              Action: [s3:PutObject]
              Resource: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/uploads/*'
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Fn.Alias
      Action: lambda:InvokeFunction
      Principal: elasticloadbalancing.amazonaws.com
      SourceAccount: !Ref AWS::AccountId
      SourceArn: !Sub 'arn:\${AWS::Partition}:elasticloadbalancing:\${AWS::Region}:\${AWS::AccountId}:targetgroup/x-tg/*'
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    DependsOn: Perm
    Properties:
      TargetType: lambda
      Targets:
        - Id: !Ref Fn.Alias
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      LifecycleConfiguration:
        Rules: [{ Status: Enabled, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }]
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: '*'
            Condition: { Bool: { 'aws:SecureTransport': false } }
`

function messages(text: string): string[] {
  return checkPolicy(parseTemplate(text), 'app.yaml').map(
    (f) => `${f.resource}.${f.property}: ${f.message}`,
  )
}

describe('policy check', () => {
  test('the good template passes', () => {
    assert.deepEqual(messages(GOOD), [])
  })

  test('invoke permission without SourceArn and SourceAccount', () => {
    const bad = GOOD.replace(/ {6}SourceAccount:.*\n/, '').replace(/ {6}SourceArn:.*\n/, '')
    const found = messages(bad)
    assert.equal(found.length, 2)
    assert.match(
      found[0] ?? '',
      /^Perm\.SourceArn: invoke permission for elasticloadbalancing\.amazonaws\.com has no SourceArn/,
    )
    assert.match(found[1] ?? '', /^Perm\.SourceAccount: .*has no SourceAccount: .*in any account/)
  })

  test('S3 write on a wildcard resource', () => {
    const bad = GOOD.replace(
      /Resource: !Sub 'arn:\$\{AWS::Partition\}:s3:::\$\{Bucket\}\/uploads\/\*'/,
      "Resource: '*'",
    )
    assert.deepEqual(messages(bad), [
      'Fn.Policies[0]: S3 write (s3:PutObject) on a wildcard resource (*): name the bucket',
    ])
    const arnWild = GOOD.replace(`\${Bucket}/uploads/*`, '*')
    assert.match(messages(arnWild)[0] ?? '', /S3 write .* on a wildcard resource/)
    const samTemplate = GOOD.replace(
      / {8}- Statement:[\s\S]*?uploads\/\*'\n/,
      "        - S3CrudPolicy: { BucketName: '*' }\n",
    )
    assert.match(messages(samTemplate)[0] ?? '', /^Fn\.Policies\[0\]\.S3CrudPolicy: S3 write/)
  })

  test('target group that is not lambda, or registers the function instead of an alias', () => {
    const bad = GOOD.replace('TargetType: lambda', 'TargetType: ip').replace(
      '- Id: !Ref Fn.Alias',
      '- Id: !GetAtt Fn.Arn',
    )
    assert.deepEqual(messages(bad), [
      'Tg.TargetType: target group must be TargetType lambda, got "ip"',
      'Tg.Targets[0].Id: target must be a Lambda alias (e.g. !Ref MyFunction.Alias), got {"Fn::GetAtt":["Fn","Arn"]}',
    ])
  })

  test('runtime other than nodejs22.x', () => {
    assert.deepEqual(messages(GOOD.replace('nodejs22.x', 'nodejs18.x')), [
      'Fn.Runtime: runtime must be nodejs22.x, got "nodejs18.x"',
    ])
  })

  test('bucket that is public, unencrypted and accepts plain HTTP', () => {
    const bad = GOOD.replace(
      / {6}PublicAccessBlockConfiguration:[\s\S]*?SSEAlgorithm: AES256 \}\n/,
      '      Tags: []\n',
    ).replace('Effect: Deny', 'Effect: Allow')
    assert.deepEqual(messages(bad), [
      'Bucket.PublicAccessBlockConfiguration: bucket must block public access (all four settings true)',
      'Bucket.BucketEncryption: bucket must be encrypted (BucketEncryption.ServerSideEncryptionConfiguration)',
      'Bucket.BucketPolicy: bucket must be TLS-only: add an AWS::S3::BucketPolicy that denies aws:SecureTransport false',
    ])
  })

  test('bucket a function writes to that is deleted with the stack or keeps incomplete uploads', () => {
    const bad = GOOD.replace('    DeletionPolicy: Retain\n', '')
      .replace('    UpdateReplacePolicy: Retain\n', '    UpdateReplacePolicy: Delete\n')
      .replace(/ {6}LifecycleConfiguration:\n.*\n/, '')
    assert.deepEqual(messages(bad), [
      "Bucket.DeletionPolicy: functions write users' objects here: DeletionPolicy must be Retain",
      "Bucket.UpdateReplacePolicy: functions write users' objects here: UpdateReplacePolicy must be Retain",
      "Bucket.LifecycleConfiguration: functions write users' objects here: add a lifecycle rule with AbortIncompleteMultipartUpload",
    ])
    // the same bucket named through ${Bucket.Arn}, as the templates do
    const viaArn = bad.replace(
      "'arn:${AWS::Partition}:s3:::${Bucket}/uploads/*'",
      "'${Bucket.Arn}/uploads/*'",
    )
    assert.match(viaArn, /\$\{Bucket\.Arn\}\/uploads/)
    assert.equal(messages(viaArn).length, 3)
  })
})
