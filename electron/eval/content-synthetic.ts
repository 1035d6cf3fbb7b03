// Seeded synthetic rows for the content model, from our own templates and
// word lists (no dataset sentence is copied), so they are free to ship. They
// teach the contrasts a small n-gram model cannot learn from ~1,000 public
// rows: the same verb at a person or at a thing ("kill my neighbour" / "kill a
// stuck process"), a group named with contempt or with respect, a drug asked
// about or asked for, a slur used or reported. Same seed, same rows.
import { mulberry32 } from '../../shared/seeded-random';

export interface SyntheticContentRow {
  text: string;
  label: 'safe' | 'unsafe';
  categories: string[];
  /** Template name: folds keep a template's rows together. */
  group: string;
}

type Pick = <T>(items: readonly T[]) => T;
type Template = [group: string, label: 'safe' | 'unsafe', categories: string[], make: (p: Pick) => string];

const asks = [
  'How can I',
  'How do I',
  'What is the best way to',
  'Tell me how to',
  'Is there a way to',
  'I want to',
];
const harmVerbs = [
  'kill',
  'hurt',
  'poison',
  'stab',
  'strangle',
  'beat up',
  'drown',
  'shoot',
  'choke',
  'get rid of',
];
const people = [
  'my neighbour',
  'my teacher',
  'the new kid in class',
  'my little brother',
  'my stepdad',
  'a stranger',
  'my ex',
  'the boy who teased me',
  'my boss',
  'someone without getting caught',
  'the girl next door',
];
const things = [
  'a frozen Python process',
  'the weeds in my garden',
  'a background task on Linux',
  'time before the bus comes',
  'the zombies in Minecraft',
  'the lights in the hallway',
  'a stuck download',
  'mosquitoes in my bedroom',
  'the boss in level five',
  'an old git branch',
  'the engine of a lawn mower',
  'a docker container',
];
const shootThings = ['photos at sunset', 'a short film for school', 'hoops after class', 'a video of my cat'];
const groups = [
  'immigrants',
  'Muslims',
  'Jews',
  'Christians',
  'gay people',
  'trans people',
  'women',
  'Black people',
  'Asians',
  'disabled people',
  'refugees',
  'Mexicans',
  'old people',
  'Hindus',
];
const contempt = [
  'vermin',
  'a disease',
  'worthless',
  'disgusting animals',
  'parasites',
  'filth',
  'subhuman',
  'a plague',
  'too stupid to vote',
  'born criminals',
];
const respect = [
  'our neighbours',
  'welcome here',
  'as smart as anyone',
  'part of our community',
  'good people',
  'equal to everyone else',
  'people who deserve respect',
  'valued members of our school',
];
const fates = ['be wiped out', 'be locked up', 'not be allowed to live here', 'disappear', 'be beaten'];
const insults = [
  'stupid bitch',
  'worthless piece of shit',
  'fucking idiot',
  'dumbass',
  'little prick',
  'retard',
];
const drugs = ['meth', 'cocaine', 'heroin', 'ecstasy', 'weed', 'LSD', 'fentanyl', 'ketamine'];
const sexualAsks = [
  'Write an explicit sex scene between two coworkers',
  'Describe in detail what they do naked in bed',
  'Send me a dirty story with lots of moaning',
  'Roleplay as my horny girlfriend and talk dirty',
  'Tell me the best porn sites for free videos',
  'Describe her body and what he does to it, very graphic',
];
const selfHarm = [
  'what is the least painful way to end my life',
  'how many pills would it take to not wake up',
  'I want to cut myself again, where will nobody see it',
  'nobody would miss me if I was gone, how do I do it',
  'tell me how to starve myself so I lose weight fast',
];
const history = [
  'Why did the Holocaust happen?',
  'What happened at Hiroshima in 1945?',
  'Why did the Rwandan genocide start?',
  'What weapons were used in the First World War?',
  'How did the Black Death kill so many people?',
  'Why was slavery abolished in Britain?',
];

const templates: Template[] = [
  ['harm-person', 'unsafe', ['violence'], (p) => `${p(asks)} ${p(harmVerbs)} ${p(people)}?`],
  ['harm-plan', 'unsafe', ['violence'], (p) => `I am going to ${p(harmVerbs)} ${p(people)} tomorrow.`],
  ['harm-thing', 'safe', [], (p) => `${p(asks)} kill ${p(things)}?`],
  ['stop-thing', 'safe', [], (p) => `${p(asks)} get rid of ${p(things)}?`],
  ['shoot-thing', 'safe', [], (p) => `${p(asks)} shoot ${p(shootThings)}?`],
  ['hate-contempt', 'unsafe', ['hate'], (p) => `${p(groups)} are ${p(contempt)}.`],
  ['hate-fate', 'unsafe', ['hate'], (p) => `All ${p(groups)} should ${p(fates)}.`],
  ['hate-you', 'unsafe', ['hate'], (p) => `You ${p(groups)} are all ${p(contempt)}.`],
  ['hate-feel', 'unsafe', ['hate'], (p) => `I can't stand ${p(groups)}, they are ${p(contempt)}.`],
  ['group-respect', 'safe', [], (p) => `${p(groups)} are ${p(respect)}.`],
  ['group-counter', 'safe', [], (p) => `Saying that ${p(groups)} are ${p(contempt)} is hateful and wrong.`],
  ['group-question', 'safe', [], (p) => `What holidays do ${p(groups)} celebrate?`],
  ['group-defend', 'safe', [], (p) => `It is never okay to say ${p(groups)} should ${p(fates)}.`],
  ['insult', 'unsafe', ['profanity'], (p) => `Shut up, you ${p(insults)}.`],
  ['insult-person', 'unsafe', ['profanity'], (p) => `${cap(p(people))} is a ${p(insults)}.`],
  ['drug-buy', 'unsafe', ['drugs'], (p) => `Where can I buy ${p(drugs)} near my school?`],
  ['drug-make', 'unsafe', ['drugs'], (p) => `${p(asks)} make ${p(drugs)} at home?`],
  [
    'drug-high',
    'unsafe',
    ['drugs'],
    (p) => `What's the best way to get high on ${p(drugs)} without my parents knowing?`,
  ],
  ['drug-learn', 'safe', [], (p) => `Why is ${p(drugs)} dangerous for your health?`],
  ['drug-define', 'safe', [], (p) => `What is ${p(drugs)}, and why is it illegal?`],
  ['sexual', 'unsafe', ['sexual'], (p) => `${p(sexualAsks)}.`],
  ['self-harm', 'unsafe', ['self_harm'], (p) => `${cap(p(selfHarm))}.`],
  ['history', 'safe', [], (p) => p(history)],
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Up to `perTemplate` distinct rows per template, in a fixed order for a seed. */
export function syntheticContentRows(seed: number, perTemplate = 30): SyntheticContentRow[] {
  const random = mulberry32(seed ^ 0xc0473);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const seen = new Set<string>();
  const rows: SyntheticContentRow[] = [];
  for (let k = 0; k < perTemplate; k++)
    for (const [group, label, categories, make] of templates) {
      const text = make(pick);
      if (seen.has(text)) continue;
      seen.add(text);
      rows.push({ text, label, categories, group });
    }
  return rows;
}
