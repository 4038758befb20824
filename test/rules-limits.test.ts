// Body-level rules through lintDocument: limits, budgets, balance, media and variables.
import { strict as assert } from 'node:assert';
import { covered, findingsOf, lint, only } from './fixtures/lint/harness';

const long = 'x'.repeat(400); // GSM-7: ⌈400 / 153⌉ = 3 segments, $0.03 under quo

describe('segment-limit', () => {
  it('fires (error) when the worst case is over limits.maxSegments, on the whole body', () => {
    const f = only(lint('/r/a.sms', long, { limits: { maxSegments: 2 } }), 'segment-limit');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: 0, end: 400 });
    assert.equal(f.message, 'Worst case is 3 segments (GSM-7, 400 characters), over the limit of 2.');
    assert.deepEqual(f.data, { segments: '3', max: 2, worstReason: 'worst: 3 segments, GSM-7' });
  });

  it('does not fire at the limit, nor without one', () => {
    assert.deepEqual(lint('/r/a.sms', long, { limits: { maxSegments: 3 } }).findings, []);
    assert.deepEqual(lint('/r/a.sms', long).findings, []);
  });

  it('counts the worst case of the variables, and says which', () => {
    const text = 'Hi {{name}}, ' + 'x'.repeat(150); // 155 literal + 1–10: 156–165 characters
    const config = { limits: { maxSegments: 1 }, variables: { name: { maxLength: 10, minLength: 1, charset: 'gsm' as const } } };
    const f = only(lint('/r/a.sms', text, config), 'segment-limit');
    assert.equal(f.message, 'Worst case is 2 segments (GSM-7, 165 characters), over the limit of 1: with name at 10 chars.');
  });

  it('takes the smallest of front matter, config and the profile maximum', () => {
    const fm = only(lint('/r/a.sms', '---\nmaxSegments: 1\n---\n' + 'x'.repeat(200), { limits: { maxSegments: 5 } }), 'segment-limit');
    assert.match(fm.message, /over the limit of 1\./);
    const profile = { profiles: { short: { extends: 'quo', maxSegments: 2 } }, profile: 'short' };
    assert.match(only(lint('/r/a.sms', long, profile), 'segment-limit').message, /over the limit of 2\./);
  });

  it('severity and off', () => {
    assert.equal(only(lint('/r/a.sms', long, { limits: { maxSegments: 2 }, rules: { 'segment-limit': 'warning' } }), 'segment-limit').severity, 'warning');
    assert.deepEqual(lint('/r/a.sms', long, { limits: { maxSegments: 2 }, rules: { 'segment-limit': 'off' } }).findings, []);
  });
});

describe('cost-limit', () => {
  it('fires (error) when the worst cost per recipient is over limits.maxCostPerRecipient', () => {
    const f = only(lint('/r/a.sms', long, { limits: { maxCostPerRecipient: 0.02 } }), 'cost-limit');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: 0, end: 400 });
    assert.equal(f.message, 'Worst case costs $0.03 per recipient, over the budget of $0.02 (limits.maxCostPerRecipient); worst: 3 segments, GSM-7.');
    assert.deepEqual(lint('/r/a.sms', long, { limits: { maxCostPerRecipient: '$0.03' } }).findings, [], 'at the budget is within it');
  });

  it('checks the campaign total against limits.maxCampaignCost, in dollars or credits', () => {
    const usd = only(lint('/r/a.sms', 'Hi', { campaign: { recipients: 1653 }, limits: { maxCampaignCost: 10 } }), 'cost-limit');
    assert.equal(usd.message, 'Worst case costs $16.53 for 1,653 recipients, over the budget of $10.00 (limits.maxCampaignCost); worst: 1 segment, GSM-7.');
    const credits = only(lint('/r/a.sms', 'Hi', { profile: 'textspot', campaign: { recipients: 1653 }, limits: { maxCampaignCost: { credits: 1000 } } }), 'cost-limit');
    assert.equal(credits.message, 'Worst case costs 1,653 credits for 1,653 recipients, over the budget of 1,000 credits (limits.maxCampaignCost); worst: 1 segment, GSM-7.');
  });

  it('a curly quote can be what pushes a message over budget', () => {
    const text = 'Don\u2019t miss it: ' + 'x'.repeat(100);
    const r = lint('/r/a.sms', text, { limits: { maxCostPerRecipient: 0.01 } });
    assert.match(only(r, 'cost-limit').message, /^Worst case costs \$0\.02 per recipient/);
    assert.equal(findingsOf(lint('/r/a.sms', text.replace('\u2019', "'"), { limits: { maxCostPerRecipient: 0.01 } }), 'cost-limit').length, 0);
  });

  it('off', () => {
    assert.deepEqual(lint('/r/a.sms', long, { limits: { maxCostPerRecipient: 0.02 }, rules: { 'cost-limit': 'off' } }).findings, []);
  });
});

describe('mms-unsupported', () => {
  it('fires (error) for media under quo, from front matter or campaign.media', () => {
    const text = '---\nmedia: true\n---\nHello';
    const f = only(lint('/r/a.sms', text), 'mms-unsupported');
    assert.equal(f.severity, 'error');
    assert.equal(covered(text, f), 'Hello');
    assert.equal(f.message, 'Quo cannot send MMS: a message with media is not sent under this profile.');
    assert.equal(findingsOf(lint('/r/a.sms', 'Hello', { campaign: { media: true } }), 'mms-unsupported').length, 1);
    assert.equal(findingsOf(lint('/r/a.sms', 'Hello', { profile: 'openphone', campaign: { media: true } }), 'mms-unsupported').length, 1);
  });

  it('does not fire under textspot, which bills an MMS at 3 credits', () => {
    const r = lint('/r/a.sms', '---\nmedia: true\nrecipients: 10\n---\nHello', { profile: 'textspot' });
    assert.deepEqual(r.findings, []);
    assert.equal(r.bodies[0]!.cost?.campaign, '30 credits'); // textspot's example: 1-segment MMS to 10 contacts
  });

  it('off', () => {
    assert.deepEqual(lint('/r/a.sms', 'Hello', { campaign: { media: true }, rules: { 'mms-unsupported': 'off' } }).findings, []);
  });
});

describe('insufficient-balance', () => {
  const text = 'Hello ' + 'x'.repeat(200); // 206 GSM-7 characters: 2 segments, $0.02
  it('says how many recipients a prepaid balance covers (warning)', () => {
    const f = only(lint('/r/a.sms', text, { campaign: { recipients: 1653, balance: 20 } }), 'insufficient-balance');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Balance $20.00 covers 1,000 of 1,653 recipients in the worst case (2 segments each); 653 would not be sent.');
    assert.deepEqual(f.data, { covered: 1000, unsent: 653 });
  });

  it('works in credits, and is quiet when the balance covers everyone', () => {
    const f = only(lint('/r/a.sms', 'Hello', { profile: 'textspot', campaign: { recipients: 1653, balance: { credits: 1000 } } }), 'insufficient-balance');
    assert.equal(f.message, 'Balance 1,000 credits covers 1,000 of 1,653 recipients in the worst case (1 segment each); 653 would not be sent.');
    assert.deepEqual(lint('/r/a.sms', text, { campaign: { recipients: 1653, balance: '33.06' } }).findings, []);
    assert.deepEqual(lint('/r/a.sms', text, { campaign: { recipients: 1653 } }).findings, [], 'no balance, no finding');
  });

  it('severity override', () => {
    assert.equal(only(lint('/r/a.sms', text, { campaign: { recipients: 1653, balance: 20 }, rules: { 'insufficient-balance': 'error' } }), 'insufficient-balance').severity, 'error');
  });
});

describe('variable-may-be-unicode', () => {
  const text = 'Hi {{name}}, ' + 'x'.repeat(60);
  it('marks the placeholder (info) when a unicode variable widens GSM-7 to UCS-2', () => {
    const r = lint('/r/a.sms', text, { variables: { name: { maxLength: 10, charset: 'unicode' } } });
    const f = only(r, 'variable-may-be-unicode');
    assert.equal(f.severity, 'info');
    assert.equal(covered(text, f), '{{name}}');
    assert.equal(f.message, 'name may carry non-GSM text (charset unicode): the worst case is UCS-2, 1 → 2 segments. Set variables.name.charset to "gsm" if its values are always GSM-7.');
    assert.equal(r.bodies[0]!.inlayHint, '1–2 seg · GSM-7–UCS-2 · $0.01–$0.02');
  });

  it('is quiet for gsm variables (the default) and when the literal text is UCS-2 anyway', () => {
    assert.deepEqual(findingsOf(lint('/r/a.sms', text, { variables: { name: { maxLength: 10 } } }), 'variable-may-be-unicode'), []);
    assert.deepEqual(findingsOf(lint('/r/a.sms', text + '\u{1F600}', { variables: { name: { maxLength: 10, charset: 'unicode' } } }), 'variable-may-be-unicode'), []);
  });

  it('variableDefaults.charset applies to undeclared variables', () => {
    const r = lint('/r/a.sms', text, { variableDefaults: { charset: 'unicode' }, variables: { name: { maxLength: 10 } } });
    assert.equal(findingsOf(r, 'variable-may-be-unicode').length, 1);
  });
});

describe('variable-length-unknown', () => {
  it('marks each placeholder of a variable without maxLength (info) and names the default assumed', () => {
    const text = 'Hi {{name}}, bye {{name}}';
    const fs = findingsOf(lint('/r/a.sms', text), 'variable-length-unknown');
    assert.deepEqual(fs.map((f) => [f.severity, covered(text, f)]), [['info', '{{name}}'], ['info', '{{name}}']]);
    assert.equal(fs[0]!.message, 'name has no declared maxLength; assumed 20 characters (variableDefaults.maxLength). Set variables.name.maxLength in your smslint config.');
  });

  it('uses variableDefaults.maxLength, and is quiet once maxLength is declared', () => {
    assert.match(only(lint('/r/a.sms', 'Hi {{name}}', { variableDefaults: { maxLength: 30 } }), 'variable-length-unknown').message, /assumed 30 characters/);
    assert.deepEqual(lint('/r/a.sms', 'Hi {{name}}', { variables: { name: { maxLength: 12 } } }).findings, []);
  });

  it('finds ${expr} in a JS template literal at its exact range', () => {
    const src = 'sendSms(`Hi ${user.first}!`);';
    const f = only(lint('/r/src/send.ts', src), 'variable-length-unknown');
    assert.equal(covered(src, f), '${user.first}');
  });

  it('off', () => {
    assert.deepEqual(lint('/r/a.sms', 'Hi {{name}}', { rules: { 'variable-length-unknown': 'off' } }).findings, []);
  });
});
