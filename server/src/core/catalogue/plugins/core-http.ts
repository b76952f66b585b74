import type { OutputDef, PluginTypeDef, PropertyMap, ValueType } from '../types';
import { ANY, ANY_MAP, BOOLEAN, DURATION, HTTP_URI, INTEGER, LOG_LEVEL, STRING, STRING_LIST, STRING_MAP, legacyAliases } from '../common';

const SSL_OPTIONS: ValueType = {
  kind: 'object',
  name: 'ssl',
  properties: {
    insecureTrustAllCertificates: { type: BOOLEAN, description: 'Accept any server certificate (for tests only).' },
  },
};

/** `options` of the HTTP tasks and trigger (flow-model.md §5.4, version-2.md §1.6). */
const HTTP_OPTIONS: ValueType = {
  kind: 'object',
  name: 'httpOptions',
  properties: {
    connectTimeout: { type: DURATION, description: 'Time allowed to open the connection.' },
    readTimeout: { type: DURATION, default: 'PT10S', description: 'Time allowed to read the response.' },
    readIdleTimeout: { type: DURATION, default: 'PT5M', description: 'Close the connection after this much inactivity while reading.' },
    connectionPoolIdleTimeout: {
      type: DURATION,
      versions: { removedIn: '2.0' },
      description: 'Idle time after which pooled connections are closed.',
    },
    maxContentLength: { type: INTEGER, default: 10485760, description: 'Largest response body accepted, in bytes (10 MB by default).' },
    proxyType: { type: { kind: 'enum', values: ['DIRECT', 'HTTP', 'SOCKS'] }, description: 'Kind of proxy to go through.' },
    proxyAddress: { type: STRING, dynamic: true, description: 'Proxy host.' },
    proxyPort: { type: INTEGER, description: 'Proxy port.' },
    proxyUsername: { type: STRING, dynamic: true, description: 'Proxy user name.' },
    proxyPassword: { type: STRING, dynamic: true, description: 'Proxy password.' },
    defaultCharset: { type: STRING, default: 'UTF-8', description: 'Charset used when the response does not declare one.' },
    followRedirects: { type: BOOLEAN, default: true, description: 'Follow HTTP redirections.' },
    // verify: 1.x `logLevel`/`logs` option shape not pinned; modelled as a single level.
    logLevel: { type: LOG_LEVEL, description: 'Log requests and responses at this level.' },
    // verify: assumed deprecated in 1.x once `auth` appeared.
    basicAuthUser: {
      type: STRING,
      dynamic: true,
      versions: { removedIn: '2.0' },
      deprecated: { message: 'Use `options.auth` with `type: BASIC`.' },
      description: 'User for HTTP basic authentication.',
    },
    basicAuthPassword: {
      type: STRING,
      dynamic: true,
      versions: { removedIn: '2.0' },
      deprecated: { message: 'Use `options.auth` with `type: BASIC`.' },
      description: 'Password for HTTP basic authentication.',
    },
    auth: {
      type: {
        kind: 'object',
        name: 'auth',
        properties: {
          // verify: the sheet lists BASIC and "…"; BEARER is assumed to be the other scheme.
          type: { type: { kind: 'enum', values: ['BASIC', 'BEARER'] }, required: true, description: 'Authentication scheme.' },
          username: { type: STRING, dynamic: true, description: 'User name (BASIC).' },
          password: { type: STRING, dynamic: true, description: 'Password (BASIC).' },
          token: { type: STRING, dynamic: true, description: 'Token (BEARER).' },
        },
      },
      description: 'Authentication sent with the request.',
    },
    // verify: `options.ssl` is the documented 2.x replacement of `sslOptions`; assumed present in 1.3 too.
    ssl: { type: SSL_OPTIONS, description: 'TLS settings.' },
  },
};

/** Request properties shared by Request, Download and the HTTP trigger. */
export const HTTP_REQUEST_PROPERTIES: PropertyMap = {
  uri: { type: HTTP_URI, required: true, dynamic: true, description: 'Full URL to call.' },
  method: {
    type: { kind: 'enum', values: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] },
    default: 'GET',
    dynamic: true,
    description: 'HTTP method.',
  },
  body: { type: STRING, dynamic: true, description: 'Raw request body.' },
  formData: {
    type: ANY_MAP,
    dynamic: true,
    description: 'Form fields; a value may be a `{name, content}` object to upload a file.',
  },
  contentType: { type: STRING, dynamic: true, description: 'Value of the `Content-Type` header.' },
  headers: { type: STRING_MAP, dynamic: true, description: 'Request headers.' },
  options: { type: HTTP_OPTIONS, description: 'Timeouts, proxy, authentication and other client settings.' },
  sslOptions: {
    type: SSL_OPTIONS,
    versions: { removedIn: '2.0' },
    description: 'TLS settings at the root of the task; Kestra 2.0 only accepts them as `options.ssl`.',
  },
  allowFailed: { type: BOOLEAN, default: false, dynamic: true, description: 'Do not fail on a response status of 400 or more.' },
  encryptBody: { type: BOOLEAN, default: false, dynamic: true, description: 'Store the response body encrypted (`encryptedBody` output).' },
};

/** Outputs of Request, also the `trigger.*` variables of the HTTP trigger. */
export const HTTP_RESPONSE_OUTPUTS: Readonly<Record<string, OutputDef>> = {
  uri: { type: STRING, description: 'The URL called.' },
  code: { type: INTEGER, description: 'HTTP status code.' },
  headers: { type: { kind: 'map', values: STRING_LIST }, description: 'Response headers (each one a list of values).' },
  body: { type: ANY, description: 'Response body, parsed from JSON when possible, else a string.' },
  encryptedBody: { type: STRING, description: 'Encrypted response body (with `encryptBody`).' },
  formData: { type: ANY_MAP, description: 'Form data that was sent.' },
};

export const CORE_HTTP: readonly PluginTypeDef[] = [
  {
    type: 'io.kestra.plugin.core.http.Request',
    category: 'task',
    description: 'Sends an HTTP request and exposes the status, headers and body of the response.',
    properties: HTTP_REQUEST_PROPERTIES,
    outputs: HTTP_RESPONSE_OUTPUTS,
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.plugin.fs.http.Request'),
    example: 'uri: https://example.org/api\nmethod: POST\ncontentType: application/json\nbody: "{{ inputs.payload }}"',
  },
  {
    type: 'io.kestra.plugin.core.http.Download',
    category: 'task',
    description: 'Sends an HTTP request and streams the response body into a file in internal storage.',
    properties: {
      ...HTTP_REQUEST_PROPERTIES,
      failOnEmptyResponse: { type: BOOLEAN, default: true, dynamic: true, description: 'Fail when the response has no body.' },
    },
    outputs: {
      uri: { type: STRING, description: 'Internal-storage URI of the downloaded file.' },
      code: { type: INTEGER, description: 'HTTP status code.' },
      length: { type: INTEGER, description: 'Size of the downloaded file in bytes.' },
      headers: { type: { kind: 'map', values: STRING_LIST }, description: 'Response headers.' },
    },
    outputsComplete: true,
    aliases: legacyAliases('io.kestra.plugin.fs.http.Download'),
  },
];
