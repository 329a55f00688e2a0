import { expect } from '@open-wc/testing';
import type { StoredChoice } from '../src/core/cookie-codec.js';
import {
  checkValidity,
  diffGrants,
  effectiveGrants,
  parseMaxAgeDays,
  parseRevision,
  purposeGrants,
  type ConsentConfig,
} from '../src/core/consent-state.js';
import type { Vendor } from '../src/core/vendor.js';
import { cookieMatches } from '../src/core/vendor.js';
import { urlMatches } from '../src/core/host-pattern.js';

const vendor = (id: string, purpose: Vendor['purpose']): Vendor => ({ id, name: id, purpose, hosts: [], cookies: [] });
const vendors = [vendor('youtube', 'embeds'), vendor('x', 'embeds'), vendor('ga', 'analytics'), vendor('cdn', 'necessary')];
const config: ConsentConfig = { revision: 2, maxAgeDays: 180, vendors };
const now = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;
const stored = (over: Partial<StoredChoice> = {}): StoredChoice => ({
  revision: 2,
  timestamp: now - DAY,
  consentId: 'abcdefgh12',
  vendors: { youtube: true, x: false, ga: false },
  ...over,
});

describe('consent state', () => {
  describe('validity', () => {
    it('no stored choice asks', () => expect(checkValidity(null, config, now).kind).to.equal('none'));
    it('a recent choice for every vendor is valid', () => expect(checkValidity(stored(), config, now).kind).to.equal('valid'));
    it('an expired choice asks again', () =>
      expect(checkValidity(stored({ timestamp: now - 181 * DAY }), config, now).kind).to.equal('expired'));
    it('a lower revision asks again', () =>
      expect(checkValidity(stored({ revision: 1 }), config, now).kind).to.equal('revision'));
    it('a timestamp far in the future counts as no choice', () =>
      expect(checkValidity(stored({ timestamp: now + 10 * DAY }), config, now).kind).to.equal('none'));
    it('vendors added since the choice are asked about, alone', () => {
      const validity = checkValidity(stored({ vendors: { youtube: true, ga: false } }), config, now);
      expect(validity).to.deep.equal({ kind: 'new-vendors', vendors: ['x'] });
    });
  });

  describe('grants', () => {
    it('keeps earlier answers when only new vendors are asked about', () => {
      const choice = stored({ vendors: { youtube: true, ga: false } });
      const grants = effectiveGrants(choice, checkValidity(choice, config, now), vendors);
      expect(grants).to.deep.equal({ youtube: true, x: false, ga: false, cdn: true });
    });
    it('drops every answer of an expired choice', () => {
      const choice = stored({ timestamp: now - 400 * DAY });
      const grants = effectiveGrants(choice, checkValidity(choice, config, now), vendors);
      expect(grants).to.deep.equal({ youtube: false, x: false, ga: false, cdn: true });
    });
    it('grants a purpose only when all its vendors are', () => {
      const purposes = purposeGrants({ youtube: true, x: false, ga: true, cdn: true }, vendors);
      expect(purposes).to.deep.equal({ necessary: true, functional: false, analytics: true, advertising: false, embeds: false });
    });
    it('diffs grants', () =>
      expect(diffGrants({ a: true, b: false, c: true }, { a: false, b: true, c: true })).to.deep.equal({ granted: ['b'], withdrawn: ['a'] }));
  });

  describe('attribute parsing', () => {
    it('max-age-days: default, cap, garbage', () => {
      expect(parseMaxAgeDays(null).days).to.equal(180);
      expect(parseMaxAgeDays('30').days).to.equal(30);
      expect(parseMaxAgeDays('9999')).to.include({ days: 395 });
      expect(parseMaxAgeDays('9999').error).to.contain('395');
      for (const bad of ['-5', '0', 'soon', 'NaN', 'Infinity']) expect(parseMaxAgeDays(bad).days).to.equal(180);
    });
    it('revision: positive whole numbers only', () => {
      expect(parseRevision('4').revision).to.equal(4);
      for (const bad of ['0', '-1', '1.5', 'two']) {
        expect(parseRevision(bad).revision).to.equal(1);
        expect(parseRevision(bad).error).to.be.a('string');
      }
    });
  });

  describe('patterns', () => {
    it('matches cookie names and prefixes', () => {
      expect(cookieMatches('_ga_ABC', ['_ga', '_ga_*'])).to.equal(true);
      expect(cookieMatches('_gax', ['_ga'])).to.equal(false);
    });
    it('matches hosts and subdomains', () => {
      expect(urlMatches(new URL('https://www.rte.ie/x'), ['*.rte.ie'])).to.equal(true);
      expect(urlMatches(new URL('https://www.google.com/maps/embed?pb=1'), ['www.google.com/maps'])).to.equal(true);
      expect(urlMatches(new URL('https://www.google.com/recaptcha/api.js'), ['www.google.com/maps'])).to.equal(false);
      expect(urlMatches(new URL('https://rte.ie/'), ['*.rte.ie'])).to.equal(false);
      expect(urlMatches(new URL('https://evilrte.ie/'), ['*.rte.ie'])).to.equal(false);
      expect(urlMatches(new URL('https://rte.ie/'), ['rte.ie'])).to.equal(true);
      expect(urlMatches(new URL('https://www.rte.ie/x'), ['rte.ie'])).to.equal(true);
      expect(urlMatches(new URL('https://evilrte.ie/'), ['rte.ie'])).to.equal(false);
    });
  });
});
