import assert from 'node:assert/strict';
import {
  amountFromConfig,
  campaignCost,
  type CampaignCost,
  type CampaignInput,
  formatMoney,
  formatSpan,
  type PricingProfile,
  type PricingProfileConfig,
  resolveProfile,
} from '../shared/pricing';

function profile(id: string, custom: Record<string, PricingProfileConfig> = {}): PricingProfile {
  const r = resolveProfile(id, custom);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

function cost(p: PricingProfile, input: CampaignInput): CampaignCost {
  const r = campaignCost(p, input);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

const credits = (segments: number, recipients: number, media = false) => {
  const c = cost(profile('textspot'), { segments, recipients, media });
  assert.equal(c.unit, 'credits');
  assert.equal(c.total.best, c.total.worst);
  return c.total.best;
};

describe('pricing: textspot credits (textspot-how-credits-work.txt examples, verbatim)', () => {
  it('"One message to 1 contact is 1 credit"', () => assert.equal(credits(1, 1), 1));
  it('"One message with 2 segments sent to one person is 2 credits"', () => assert.equal(credits(2, 1), 2));
  it('"list message (that contains 1,653 contacts) with 1 segment … for 1,653 credits"', () => assert.equal(credits(1, 1653), 1653));
  it('"list message (that contains 1,653 contacts) with 2 segments … for 3,306 credits"', () => assert.equal(credits(2, 1653), 3306));
  it('"One message to 1 contact containing an image is 3 credits"', () => assert.equal(credits(1, 1, true), 3));
  it('"One list message to 1,653 contacts containing an image is 4,959 credits"', () => assert.equal(credits(1, 1653, true), 4959));
  it('"Send a 2 segment SMS message to 1 contact and it will cost 2 credits"', () => assert.equal(credits(2, 1), 2));
  it('"Send a 1 segment SMS message to a list of 10 contacts and it will cost 10 credits"', () => assert.equal(credits(1, 10), 10));
  it('"Send a 1 segment MMS message to 1 contact and it will cost 3 credits"', () => assert.equal(credits(1, 1, true), 3));
  it('"Send a 1 segment MMS message to a list of 10 contacts and it will cost 30 credits"', () => assert.equal(credits(1, 10, true), 30));
  it('"Total Contacts x Total Segments x Message Type": a 2-segment MMS is 6 credits per contact', () => {
    assert.equal(credits(2, 1, true), 6);
  });
  it('a template range gives a best–worst per recipient and per campaign', () => {
    const c = cost(profile('textspot'), { segments: { best: 1, worst: 3 }, recipients: 1653 });
    assert.deepEqual([c.perRecipient, c.total], [{ best: 1, worst: 3 }, { best: 1653, worst: 4959 }]);
    assert.equal(formatSpan(c.unit, c.total), '1,653–4,959 credits');
  });
  it('with a credit balance, says how many contacts it covers', () => {
    const c = cost(profile('textspot'), { segments: 2, recipients: 1653, balance: { unit: 'credits', credits: 1000 } });
    assert.deepEqual(c.coverage?.worst, { balance: 1000, recipientsCovered: 500, recipientsUnsent: 1153, spent: 1000, balanceLeft: 0 });
  });
});

describe('pricing: quo (quo-api-pricing.mdx)', () => {
  const quo = profile('quo');

  it('"Local (US and Canada) SMS: $0.01 per segment"', () => {
    const us = cost(quo, { segments: 1, recipients: 1, country: 'US' });
    assert.equal(us.unit === 'usd' && formatMoney(us.total.worst), '$0.01');
    const ca = cost(quo, { segments: 3, recipients: 1000, country: 'ca' });
    assert.equal(ca.unit === 'usd' && formatMoney(ca.perRecipient.worst), '$0.03');
    assert.equal(ca.unit === 'usd' && formatMoney(ca.total.worst), '$30.00');
  });

  it('assumes a US destination when none is named', () => {
    const c = cost(quo, { segments: 2, recipients: 1 });
    assert.ok(c.unit === 'usd');
    assert.equal(c.country, 'US');
    assert.equal(formatMoney(c.total.worst), '$0.02');
  });

  it('"International SMS: $0.01 + country-specific rate per segment", the rate from config', () => {
    const p = profile('quo', { quo: { countryRates: { GB: '0.0325' } } });
    const c = cost(p, { segments: 2, recipients: 3, country: 'GB' });
    assert.ok(c.unit === 'usd');
    assert.equal(formatMoney(c.perSegment!), '$0.0425');
    assert.equal(formatMoney(c.perRecipient.worst), '$0.085');
    assert.equal(formatMoney(c.total.worst), '$0.255');
  });

  it('a country with no configured rate is a named error, never a silent $0.01', () => {
    const r = campaignCost(quo, { segments: 1, recipients: 1, country: 'DE' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'rate-unknown');
    assert.match(r.error.message, /DE/);
    assert.match(r.error.message, /countryRates\.DE/);
  });

  it('"MMS is not supported in the current API version": media is an error', () => {
    const r = campaignCost(quo, { segments: 1, recipients: 10, media: true });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'mms-unsupported');
  });

  it('"openphone" is the same profile', () => {
    assert.deepEqual({ ...profile('openphone'), id: 'quo' }, quo);
    assert.deepEqual({ ...profile('OpenPhone'), id: 'quo' }, quo);
  });

  it('"Partial credits cannot be used": a balance covers whole messages only, and says what is left unsent', () => {
    const balance = amountFromConfig('10.00');
    assert.ok(balance.ok);
    const c = cost(quo, { segments: { best: 1, worst: 3 }, recipients: 500, balance: balance.value });
    assert.ok(c.unit === 'usd' && c.coverage);
    assert.equal(c.coverage.best.recipientsCovered, 500);
    assert.equal(formatMoney(c.coverage.best.balanceLeft), '$5.00');
    assert.equal(c.coverage.worst.recipientsCovered, 333);
    assert.equal(c.coverage.worst.recipientsUnsent, 167);
    assert.equal(formatMoney(c.coverage.worst.balanceLeft), '$0.01');
  });

  it('a balance below one message\'s full cost sends nothing', () => {
    const c = cost(quo, { segments: 3, recipients: 5, balance: { unit: 'usd', micros: 29_999 as never } });
    assert.ok(c.unit === 'usd' && c.coverage);
    assert.equal(c.coverage.worst.recipientsCovered, 0);
    assert.equal(c.coverage.worst.recipientsUnsent, 5);
  });

  it('a balance in credits against a dollar profile is a unit mismatch', () => {
    const r = campaignCost(quo, { segments: 1, recipients: 1, balance: { unit: 'credits', credits: 5 } });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'unit-mismatch');
  });
});

describe('pricing: custom profiles', () => {
  it('use the same schema: segment sizes, maximums, per-message media', () => {
    const p = profile('short', {
      short: {
        unit: 'usd',
        perSegment: 0.0079,
        baseCountries: ['US'],
        segmentSizes: { gsmSingle: 150, gsmMulti: 152, ucs2Multi: 66 }, // PRODUCT.md §1's example overrides
        maxCharacters: 1600,
        maxSegments: 10,
        mms: { perMessage: '0.02' },
      },
    });
    assert.deepEqual(p.segmentSizes, { gsmSingle: 150, gsmMulti: 152, ucs2Single: 70, ucs2Multi: 66 });
    assert.equal(p.maxCharacters, 1600);
    assert.equal(p.maxSegments, 10);
    const sms = cost(p, { segments: 3, recipients: 1, country: 'US' });
    assert.equal(sms.unit === 'usd' && formatMoney(sms.total.worst), '$0.0237');
    const mms = cost(p, { segments: 3, recipients: 2, country: 'US', media: true });
    assert.equal(mms.unit === 'usd' && formatMoney(mms.total.worst), '$0.04');
  });

  it('can extend a built-in, and chains of extension resolve', () => {
    const custom: Record<string, PricingProfileConfig> = {
      intl: { extends: 'quo', countryRates: { FR: '0.05' } },
      intl2: { extends: 'intl', countryRates: { DE: '0.06' }, label: 'EU' },
    };
    const p = profile('intl2', custom);
    assert.ok(p.unit === 'usd');
    assert.deepEqual(Object.keys(p.countryRates).sort(), ['DE', 'FR']);
    assert.equal(p.label, 'EU');
    assert.equal(p.mms.kind, 'unsupported');
  });

  it('report bad config with the key that is wrong, never by throwing', () => {
    const cases: [unknown, string, string][] = [
      [{ unit: 'usd' }, 'invalid-profile', 'profiles.x.perSegment'],
      [{ unit: 'usd', perSegment: 'ten' }, 'invalid-profile', 'profiles.x.perSegment'],
      [{ unit: 'usd', perSegment: '-0.01' }, 'invalid-profile', 'profiles.x.perSegment'],
      [{ extends: 'quo', countryRates: { England: '0.1' } }, 'invalid-profile', 'profiles.x.countryRates.England'],
      [{ extends: 'quo', countryRate: {} }, 'invalid-profile', 'profiles.x.countryRate'],
      [{ extends: 'textspot', creditsPerSegment: 1.5 }, 'invalid-profile', 'profiles.x.creditsPerSegment'],
      [{ extends: 'textspot', perSegment: '0.01' }, 'invalid-profile', 'profiles.x.perSegment'],
      [{ extends: 'quo', segmentSizes: { gsmSingle: 0 } }, 'invalid-profile', 'profiles.x.segmentSizes.gsmSingle'],
      [{ extends: 'quo', segmentSizes: { gsm: 150 } }, 'invalid-profile', 'profiles.x.segmentSizes.gsm'],
      [{ extends: 'nope' }, 'unknown-profile', ''],
      [{ extends: 'x' }, 'invalid-profile', 'profiles.x'],
      [{ extends: 'quo', mms: true }, 'invalid-profile', 'profiles.x.mms'],
      ['quo', 'invalid-profile', 'profiles.x'],
    ];
    for (const [config, code, path] of cases) {
      const r = resolveProfile('x', { x: config as PricingProfileConfig });
      assert.ok(!r.ok, `accepted ${JSON.stringify(config)}`);
      assert.equal(r.error.code, code, JSON.stringify(config));
      assert.equal(r.error.path ?? '', path, JSON.stringify(config));
    }
    const unknown = resolveProfile('twilio');
    assert.ok(!unknown.ok && unknown.error.code === 'unknown-profile');
  });

  it('reject bad campaign input with a message', () => {
    const quo = profile('quo');
    for (const input of [
      { segments: -1, recipients: 1 },
      { segments: 1.5, recipients: 1 },
      { segments: { best: 3, worst: 1 }, recipients: 1 },
      { segments: 1, recipients: Number.NaN },
      { segments: 1, recipients: 1, country: 'USA' },
    ]) {
      const r = campaignCost(quo, input as CampaignInput);
      assert.ok(!r.ok && r.error.code === 'invalid-input', JSON.stringify(input));
    }
    const huge = campaignCost(quo, { segments: 1_000_000, recipients: 1_000_000_000 });
    assert.ok(!huge.ok && huge.error.code === 'too-large');
  });
});
