// MI-04: template-injection payloads in a GGUF chat template are found and the
// model refused; real chat templates (text copied in the style of public
// tokenizer configs) pass untouched.
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source';
import { scanChatTemplate } from './chat-template-scan';
import { inspectModel } from './inspect-model';
import { tinyGguf } from './testing/gguf-fixture';

const hostile = [
  // CVE-2024-34359's proof of concept and its family.
  '{{ lipsum.__globals__["os"].popen("id").read() }}',
  "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'warning' in x.__name__ %}{{ x()._module.__builtins__['__import__']('os').system('id') }}{% endif %}{% endfor %}",
  '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
  '{{ joiner.__init__.__globals__ }}',
  "{{ namespace.__init__.__globals__['__builtins__']['eval']('1') }}",
  '{{ self._TemplateReference__context.cycler }}',
  "{{ ()|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
  "{{ request|attr('application') }}",
  '{{ config.items() }}',
  '{{ x.mro() }}',
  "{{ ''.__class__.__mro__[1].__subclasses__() }}",
  "{% set s = 'sub' ~ 'process' %}{{ subprocess }}",
  '{{ exec("import os") }}',
];

const real = [
  // ChatML (Qwen-style)
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
  // Llama 3
  "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}",
  // Mistral
  "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}",
  // Gemma
  "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}",
  // Phi-3
  "{% for message in messages %}{% if message['role'] == 'system' %}{{'<|system|>\\n' + message['content'] + '<|end|>\\n'}}{% elif message['role'] == 'user' %}{{'<|user|>\\n' + message['content'] + '<|end|>\\n'}}{% elif message['role'] == 'assistant' %}{{'<|assistant|>\\n' + message['content'] + '<|end|>\\n'}}{% endif %}{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% else %}{{ eos_token }}{% endif %}",
  // DeepSeek-style with namespace() and tools (namespace itself is fine; its internals are not)
  "{% set ns = namespace(is_first=false, is_tool=false, system_prompt='') %}{%- for message in messages %}{%- if message['role'] == 'system' %}{% set ns.system_prompt = message['content'] %}{%- endif %}{%- endfor %}{{ bos_token }}{{ ns.system_prompt }}{%- for message in messages %}{%- if message['role'] == 'tool' %}{{ '<｜tool▁output▁begin｜>' + message['content'] + '<｜tool▁output▁end｜>' }}{%- endif %}{%- endfor %}",
  // Tool-calling template with tojson and a system prompt in prose that mentions operating systems and requests.
  "{%- if tools %}{{- '<|im_start|>system\\nYou may call functions. Answer the user\\'s request. Be careful on macOS, Windows and Linux os. Use ________ as a separator.\\n' }}{%- for tool in tools %}{{- tool | tojson }}{%- endfor %}{%- endif %}{%- for message in messages %}{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}{%- endfor %}",
  // Templates that print the date
  "{%- if strftime_now is defined %}{%- set date_string = strftime_now('%d %b %Y') %}{%- else %}{%- set date_string = '26 Jul 2024' %}{%- endif %}{{ 'Today Date: ' + date_string }}{% for m in messages %}{{ m['content'] }}{% endfor %}",
];

describe('scanChatTemplate', () => {
  it.each(hostile)('flags %s', (template) => {
    const findings = scanChatTemplate('tokenizer.chat_template', template);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.excerpt.length).toBeLessThan(template.length + 1);
  });

  it.each(real)('passes a real template (%#)', (template) => {
    expect(scanChatTemplate('tokenizer.chat_template', template)).toEqual([]);
  });
});

describe('inspectModel with a chat template', () => {
  it('quarantines a GGUF whose template walks to os.popen (CVE-2024-34359)', async () => {
    const bytes = tinyGguf({ chatTemplate: hostile[0]! });
    const report = await inspectModel(bufferSource(bytes));
    expect(report).toMatchObject({ format: 'gguf', accepted: false, refusal: 'unsafe_template' });
    expect(report.reason).toMatch(/chat template .*quarantines it.*CVE-2024-34359/);
    expect(report.templateFindings!.map((f) => f.marker)).toEqual(
      expect.arrayContaining(['dunder attribute', 'Jinja globals', 'process launch']),
    );
  });

  it('accepts a GGUF with a real template and reports its facts', async () => {
    const report = await inspectModel(bufferSource(tinyGguf({ chatTemplate: real[0]! })));
    expect(report).toMatchObject({ accepted: true, templateFindings: [], gguf: { architecture: 'llama' } });
  });
});
