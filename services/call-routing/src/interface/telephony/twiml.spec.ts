import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { GatherNext, VoiceReply, VoiceStep } from '../../application/calls/voice-reply';
import { renderTwiml, type TwimlRoutes } from './twiml';

/**
 * The TwiML is parsed back with an XML parser and held against what Twilio documents for Programmable Voice, so that
 * the format is Twilio's and not our guess: the verbs of https://www.twilio.com/docs/voice/twiml and, per verb, the
 * attributes of its reference page (…/twiml/say, gather, dial, number, enqueue, record, redirect, pause, hangup). Each
 * documented attribute is also checked against the official twilio package's types, a second source.
 */
const DOCUMENTED: Record<string, readonly string[]> = {
  Say: ['voice', 'language', 'loop'],
  Gather: [
    'action',
    'actionOnEmptyResult',
    'enhanced',
    'finishOnKey',
    'hints',
    'input',
    'language',
    'method',
    'numDigits',
    'partialResultCallback',
    'partialResultCallbackMethod',
    'profanityFilter',
    'speechModel',
    'speechTimeout',
    'timeout',
  ],
  Dial: [
    'action',
    'answerOnBridge',
    'callerId',
    'hangupOnStar',
    'method',
    'record',
    'recordingStatusCallback',
    'recordingStatusCallbackMethod',
    'recordingStatusCallbackEvent',
    'recordingTrack',
    'ringTone',
    'timeLimit',
    'timeout',
    'trim',
  ],
  Number: ['sendDigits', 'url', 'method', 'statusCallbackEvent', 'statusCallback', 'statusCallbackMethod', 'byoc'],
  Enqueue: ['action', 'maxQueueSize', 'method', 'waitUrl', 'waitUrlMethod', 'workflowSid'],
  Record: [
    'action',
    'method',
    'timeout',
    'finishOnKey',
    'maxLength',
    'playBeep',
    'trim',
    'recordingStatusCallback',
    'recordingStatusCallbackMethod',
    'recordingStatusCallbackEvent',
    'transcribe',
    'transcribeCallback',
  ],
  Redirect: ['method'],
  Pause: ['length'],
  Hangup: [],
};
/** Which verbs may sit inside which (Twilio: `<Say>`, `<Play>`, `<Pause>` nest in `<Gather>`; `<Number>` in `<Dial>`). */
const NESTED: Record<string, readonly string[]> = { Gather: ['Say', 'Pause'], Dial: ['Number'] };
/** Verbs whose text is their argument: what is said, whom to call, which queue, where to go. */
const WITH_TEXT = ['Say', 'Number', 'Enqueue', 'Redirect'];

const twilioTypes = readFileSync(require.resolve('twilio/lib/twiml/VoiceResponse.d.ts'), 'utf8');
function typedAttributes(verb: string): string[] {
  const body = twilioTypes.match(new RegExp(`export interface ${verb}Attributes \\{([^}]*)\\}`))?.[1] ?? '';
  return [...body.matchAll(/^\s*(\w+)\?:/gm)].map((m) => m[1]);
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Text stays text: a number to dial is not an integer ("+33…" would lose its plus).
  parseTagValue: false,
});
type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
function elements(nodes: Ordered[]): Element[] {
  return nodes
    .map((node) => {
      const name = Object.keys(node).find((key) => key !== ':@')!;
      return { name, node };
    })
    .filter(({ name }) => name !== '?xml' && name !== '#text')
    .map(({ name, node }) => {
      const content = node[name] as Ordered[];
      return {
        name,
        attributes: node[':@'] ?? {},
        children: elements(content),
        text: content.map((c) => c['#text'] ?? '').join(''),
      };
    });
}

/** The document parsed; fails unless it is well-formed TwiML made only of documented verbs and attributes. */
function parseTwiml(xml: string): Element {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const roots = elements(parser.parse(xml));
  expect(roots.map((r) => r.name)).toEqual(['Response']);
  const check = (element: Element, allowedVerbs: readonly string[]) => {
    for (const child of element.children) {
      expect([element.name, child.name, allowedVerbs.includes(child.name)]).toEqual([element.name, child.name, true]);
      for (const attribute of Object.keys(child.attributes))
        expect([child.name, attribute, DOCUMENTED[child.name].includes(attribute)]).toEqual([
          child.name,
          attribute,
          true,
        ]);
      if (WITH_TEXT.includes(child.name)) expect(child.text.trim()).not.toBe('');
      if (child.attributes.action !== undefined) expect(new URL(child.attributes.action).protocol).toBe('https:');
      check(child, NESTED[child.name] ?? []);
    }
  };
  check(
    roots[0],
    Object.keys(DOCUMENTED).filter((verb) => verb !== 'Number'),
  );
  return roots[0];
}

const CALL_ID = '7d0c3c7e-3c1e-4c11-9a55-0a5b1a2b3c4d';
const routes: TwimlRoutes = {
  actionUrl: (next) => `https://secretaire.msp-exemple.fr/telephony/twilio/calls/${CALL_ID}/${next}`,
};
const reply = (...steps: VoiceStep[]): VoiceReply => ({ callId: CALL_ID, decision: null, steps });
const render = (...steps: VoiceStep[]) => parseTwiml(renderTwiml(reply(...steps), routes));
const verbs = (response: Element) => response.children.map((c) => c.name);

const MENU: VoiceStep = {
  verb: 'gather',
  input: ['dtmf', 'speech'],
  prompt: 'Pour un rendez-vous, tapez 1 ou dites « rendez-vous ». Pour une urgence, tapez 5.',
  next: 'intent',
  timeoutSeconds: 6,
  numDigits: 1,
  choices: [
    { digit: '1', meaning: 'book' },
    { digit: '5', meaning: 'emergency' },
  ],
};

describe('TwiML rendered from a voice reply', () => {
  it('checks its allow-lists against the twilio package types: every documented attribute is typed there too', () => {
    for (const [verb, documented] of Object.entries(DOCUMENTED)) {
      const typed = typedAttributes(verb);
      for (const attribute of documented)
        expect([verb, attribute, typed.includes(attribute)]).toEqual([verb, attribute, true]);
    }
  });

  it('says French text with the French voice, escaped by the builder', () => {
    const text = "Bienvenue au cabinet « Santé & Vous » <urgent> : l'accueil est ouvert.";
    const response = render({ verb: 'say', text });
    expect(response.children).toEqual([
      { name: 'Say', attributes: { language: 'fr-FR', voice: 'Polly.Lea-Neural' }, children: [], text },
    ]);
  });

  it('gathers keys and speech in French, the prompt nested, posting the answer to the step it continues', () => {
    const response = render({ verb: 'say', text: 'Bonjour.' }, MENU);
    const gather = response.children[1];
    expect(gather.attributes).toEqual({
      input: 'dtmf speech',
      language: 'fr-FR',
      action: routes.actionUrl('intent'),
      method: 'POST',
      timeout: '6',
      numDigits: '1',
      speechTimeout: 'auto',
    });
    expect(gather.children).toEqual([
      { name: 'Say', attributes: { language: 'fr-FR', voice: 'Polly.Lea-Neural' }, children: [], text: MENU.prompt },
    ]);
  });

  it('asks once more when nobody answers, then takes a message, and hears of the call even if nothing is recorded', () => {
    const response = render(MENU);
    expect(verbs(response)).toEqual(['Gather', 'Gather', 'Say', 'Record', 'Redirect']);
    const [first, second, , record, redirect] = response.children;
    expect(second.attributes).toEqual(first.attributes);
    expect(second.children[0].text).toBe(`Je ne vous ai pas entendu. ${MENU.prompt}`);
    expect(response.children[2].text).toMatch(/Laissez-nous un message après le bip/);
    expect(record.attributes).toMatchObject({ action: routes.actionUrl('message'), playBeep: 'true' });
    expect(redirect).toMatchObject({ attributes: { method: 'POST' }, text: routes.actionUrl('message') });
  });

  it('leaves speech settings out of a keys-only gather, and posts each gather to its own route', () => {
    const nexts: GatherNext[] = ['intent', 'slot-choice', 'appointment-choice'];
    for (const next of nexts) {
      const gather = render({ ...MENU, input: ['dtmf'], numDigits: undefined, next }).children[0];
      expect(gather.attributes).toEqual({
        input: 'dtmf',
        language: 'fr-FR',
        action: routes.actionUrl(next),
        method: 'POST',
        timeout: '6',
      });
    }
  });

  it('dials the number with the status route as action, so an unanswered transfer comes back to us', () => {
    const response = render(
      { verb: 'say', text: 'Composez le 15. Nous vous mettons en relation avec le SAMU.' },
      { verb: 'dial', number: '15', label: 'SAMU' },
    );
    expect(verbs(response)).toEqual(['Say', 'Dial']);
    const dial = response.children[1];
    expect(dial.attributes).toEqual({ action: routes.actionUrl('status'), method: 'POST' });
    expect(dial.children).toEqual([{ name: 'Number', attributes: {}, children: [], text: '15' }]);
    expect(render({ verb: 'dial', number: '+33612345678', label: 'Dr Martin' }).children[0].children[0].text).toBe(
      '+33612345678',
    );
  });

  it('puts the caller in the named queue, reporting its end to the status route', () => {
    const response = render({ verb: 'enqueue', queue: 'secretariat-distant' });
    expect(response.children).toEqual([
      {
        name: 'Enqueue',
        attributes: { action: routes.actionUrl('status'), method: 'POST' },
        children: [],
        text: 'secretariat-distant',
      },
    ]);
  });

  it('records a message after its prompt, with a beep and the maximum length asked', () => {
    const prompt = 'Laissez votre message après le bip, le docteur vous rappellera.';
    const response = render({ verb: 'record', prompt, maxSeconds: 90 });
    expect(verbs(response)).toEqual(['Say', 'Record', 'Redirect']);
    expect(response.children[0].text).toBe(prompt);
    expect(response.children[1].attributes).toEqual({
      maxLength: '90',
      action: routes.actionUrl('message'),
      method: 'POST',
      playBeep: 'true',
    });
  });

  it('hangs up after saying goodbye', () => {
    const response = render({ verb: 'say', text: 'Au revoir.' }, { verb: 'hangup' });
    expect(verbs(response)).toEqual(['Say', 'Hangup']);
    expect(response.children[1]).toEqual({ name: 'Hangup', attributes: {}, children: [], text: '' });
  });

  it('renders an empty reply as an empty Response (Twilio then ends the call)', () => {
    expect(render().children).toEqual([]);
  });

  it('refuses a reply with steps after one that hands the call over: Twilio would never play them', () => {
    expect(() => renderTwiml(reply({ verb: 'hangup' }, { verb: 'say', text: 'Au revoir.' }), routes)).toThrow(
      /a hangup step must be the last one/,
    );
    expect(() => renderTwiml(reply(MENU, { verb: 'hangup' }), routes)).toThrow(/a gather step must be the last one/);
  });

  it('refuses an action URL that is not absolute', () => {
    expect(() => renderTwiml(reply(MENU), { actionUrl: (next) => `/telephony/${next}` })).toThrow(
      /must be absolute.*"\/telephony\/intent"/,
    );
  });
});
