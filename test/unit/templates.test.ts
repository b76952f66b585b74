import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateText } from '../../server/src/core/analysis/validate';

// Strings of a plugin the catalogue cannot check get the Pebble checks once: child tasks are checked as
// tasks of their own, never again as strings of their parent.
test('an unknown flowable and a removed one report a nested mistake once', () => {
  const nested = (type: string, list: string) =>
    [
      'id: nested',
      'namespace: company.team',
      'tasks:',
      '  - id: outer',
      `    type: ${type}`,
      '    url: "{{ secret.OUTER }}"',
      `    ${list}:`,
      '      - id: inner',
      '        type: io.kestra.plugin.core.log.Log',
      '        message: "{{ secret.INNER }}"',
      '',
    ].join('\n');
  for (const [type, list] of [
    ['com.example.MyFlowable', 'tasks'],
    ['com.example.MyBranching', 'then'],
    ['io.kestra.plugin.core.flow.ForEach', 'tasks'],
  ]) {
    const messages = validateText(nested(type!, list!))
      .filter((d) => d.code === 'secret-access')
      .map((d) => d.message);
    assert.equal(messages.length, 2, `${type}: ${messages.join(' | ')}`);
    assert.ok(messages.some((m) => m.includes('OUTER')) && messages.some((m) => m.includes('INNER')));
  }
});
