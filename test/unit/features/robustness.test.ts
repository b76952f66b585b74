import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowFile } from '../../../server/src/core/flow-file';
import { complete } from '../../../server/src/core/features/completion';
import { cursorContext } from '../../../server/src/core/features/cursor-context';
import { idAt } from '../../../server/src/core/features/id-index';
import { documentSymbols, type FlowSymbol } from '../../../server/src/core/features/symbols';
import { rename } from '../../../server/src/core/features/navigation';

/**
 * The public features swallow exceptions so an editor never breaks; this test calls the unguarded parts
 * (cursor context, id index) on damaged flows so that a bug cannot hide behind those guards.
 */

const SAMPLE = `id: robust
namespace: company.team
inputs:
  - id: name
    type: STRING
    dependsOn:
      inputs: [other]
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ inputs.name }}"
    then:
      - id: sh
        type: io.kestra.plugin.scripts.shell.Script
        script: |
          echo "{{ outputs.check.evaluationResult }}"
        taskRunner:
          type: io.kestra.plugin.scripts.runner.docker.Docker
          memory:
            memory: 512MB
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: a
          type: io.kestra.plugin.core.log.Log
          message: 'a {{ tasks.check.state }}'
        dependsOn: [check]
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: 0 9 * * *
`;

/** A small deterministic generator (no dependency on the fuzz helpers). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const PIECES = ['- ', ':', ' ', '\n', '  ', '"', "'", '|', '{{', '}}', '[', ']', '\t', '#', 'type: ', '- id: x\n', '---\n'];

function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.4) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
  const piece = PIECES[Math.floor(random() * PIECES.length)]!;
  return text.slice(0, at) + piece + text.slice(at);
}

function checkSymbols(symbols: readonly FlowSymbol[], length: number): void {
  for (const s of symbols) {
    assert.ok(0 <= s.start && s.start <= s.selectionStart && s.selectionEnd <= s.end && s.end <= length, `${s.name} ranges`);
    checkSymbols(s.children, length);
  }
}

test('damaged flows: the cursor context, the id index and the outline never throw and stay in bounds', () => {
  const random = lcg(20250106);
  for (let round = 0; round < 300; round++) {
    let text = SAMPLE;
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) text = mutate(text, random);
    const file = FlowFile.fromText(text, random() < 0.5 ? '1.3' : '2.0');
    for (let k = 0; k < 6; k++) {
      const offset = Math.floor(random() * (text.length + 1));
      for (const textOnly of [false, true]) {
        const ctx = cursorContext(file, offset, { textOnly });
        const target = ctx.target;
        if (target.kind !== 'none') {
          assert.ok(0 <= target.start && target.start <= target.end && target.end <= text.length, `target range in round ${round}`);
        }
      }
      for (const item of complete(file, offset).items) {
        // Editors need a one-line replace range around the cursor.
        const start = item.replaceStart ?? offset;
        const end = item.replaceEnd ?? offset;
        assert.ok(start <= offset && offset <= end, `replace range of ${item.label} around the cursor in round ${round}`);
        assert.ok(!text.slice(start, end).includes('\n'), `one-line replace range of ${item.label}`);
      }
      const found = idAt(file, offset);
      if (found) {
        const result = rename(file, offset, 'renamed_id');
        if ('edits' in result) {
          for (const edit of result.edits) assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length);
        }
      }
    }
    checkSymbols(documentSymbols(file), text.length);
  }
});
