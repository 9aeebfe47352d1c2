// Statements: every attribution pattern of issue 3 on sentences written for these tests (no corpus text).

import t from 'tap';
import { extract, said } from './helpers.js';

t.test('quotation then attribution, in both word orders', async (t) => {
  t.same(said(extract('“The bridge will open in May,” Lena Brandt said.')), [['Lena Brandt', 'direct', 'said', 'The bridge will open in May,']]);
  t.same(said(extract('“The bridge will open in May,” said Lena Brandt.')), [['Lena Brandt', 'direct', 'said', 'The bridge will open in May,']]);
  t.same(said(extract('“Is that legal?” asked Lena Brandt.')), [['Lena Brandt', 'direct', 'asked', 'Is that legal?']]);
});

t.test('attribution then quotation: colon, comma and "that"', async (t) => {
  t.same(said(extract('Lena Brandt said: “The bridge will open in May.”')), [['Lena Brandt', 'direct', 'said', 'The bridge will open in May.']]);
  t.same(said(extract('Lena Brandt told reporters, “The bridge will open in May.”')), [['Lena Brandt', 'direct', 'told', 'The bridge will open in May.']]);
  t.same(said(extract('Lena Brandt said that “the bridge will open in May.”')), [['Lena Brandt', 'direct', 'said', 'the bridge will open in May.']]);
});

t.test('a quotation split by its attribution: the second part counts only when it is a clause or sentence of its own', async (t) => {
  // one sentence, and "will open in May" has no subject: one statement (the annotation guide's rule)
  t.same(said(extract('“The bridge,” Lena Brandt said, “will open in May.”')), [['Lena Brandt', 'direct', 'said', 'The bridge,']]);
  t.same(said(extract('“Now that the cables are tested,” Lena Brandt told the council, “the bridge can open in May.”')), [
    ['Lena Brandt', 'direct', 'told', 'Now that the cables are tested,'],
    ['Lena Brandt', 'direct', 'told', 'the bridge can open in May.'],
  ]);
  t.same(said(extract('“We are ready,” Lena Brandt said at a briefing in Tallinn, “but the weather is not.”')), [
    ['Lena Brandt', 'direct', 'said', 'We are ready,'],
    ['Lena Brandt', 'direct', 'said', 'but the weather is not.'],
  ]);
  t.same(said(extract('“What worries me”, Lena Brandt said, “is the cost. Nobody has paid yet.”')), [
    ['Lena Brandt', 'direct', 'said', 'What worries me'],
    ['Lena Brandt', 'direct', 'said', 'is the cost. Nobody has paid yet.'],
  ]);
  // A ends its sentence: B is the next sentence whatever its form
  t.same(said(extract('“The bridge is safe.” Lena Brandt said, “Tested twice.”')).length, 2);
});

t.test('several quotations joined by "and that" are separate statements of one speaker', async (t) => {
  t.same(said(extract('Lena Brandt said that “costs have doubled” and that “the work must stop.”')), [
    ['Lena Brandt', 'direct', 'said', 'costs have doubled'],
    ['Lena Brandt', 'direct', 'said', 'the work must stop.'],
  ]);
});

t.test('a partial quotation inside reported speech is one direct statement', async (t) => {
  t.same(said(extract('Lena Brandt warned that rising costs posed “a serious risk to the project.”')), [['Lena Brandt', 'direct', 'warned', 'a serious risk to the project.']]);
  t.same(said(extract('Tomas Rivera called the plan “reckless” and said he would vote against it.')), [
    ['Tomas Rivera', 'direct', 'called', 'reckless'],
    ['Tomas Rivera', 'indirect', 'said', 'he would vote against it'],
  ]);
});

t.test('reported speech without quotation marks', async (t) => {
  t.same(said(extract('The ministry says the dam is safe.')), [['ministry', 'indirect', 'says', 'the dam is safe']]);
  t.same(said(extract('NATO says the exercise will be the largest in years.')), [['NATO', 'indirect', 'says', 'the exercise will be the largest in years']]);
  t.same(said(extract('Lena Brandt said this week that the bridge would open in May.')), [['Lena Brandt', 'indirect', 'said', 'the bridge would open in May']]);
  t.same(said(extract('According to Lena Brandt, the bridge will open in May.')), [['Lena Brandt', 'indirect', 'According to', 'the bridge will open in May']]);
  t.same(said(extract('The bridge will open in May, according to Lena Brandt.')), [['Lena Brandt', 'indirect', 'according to', 'The bridge will open in May']]);
  t.same(said(extract('The bridge will open in May, Lena Brandt said.')), [['Lena Brandt', 'indirect', 'said', 'The bridge will open in May']]);
});

t.test('a reported clause stops where the next statement or a contrast begins', async (t) => {
  t.same(said(extract('Lena Brandt said the bridge was safe, however, Tomas Rivera said it was not.')), [
    ['Lena Brandt', 'indirect', 'said', 'the bridge was safe'],
    ['Tomas Rivera', 'indirect', 'said', 'it was not'],
  ]);
});

t.test('verbs that direct or attribute only quotations', async (t) => {
  t.same(said(extract('Lena Brandt urged the council to delay the vote.')), [['Lena Brandt', 'indirect', 'urged', 'the council to delay the vote']]);
  t.same(said(extract('Lena Brandt called for an independent review of the contract.')), [['Lena Brandt', 'indirect', 'called for', 'an independent review of the contract']]);
  t.same(said(extract('Lena Brandt criticised the contract.')), []);
  t.same(said(extract('Lena Brandt spoke to the Harbour Council think tank about the contract.')), []);
});

t.test('passive, negated and noun uses of cue words attribute nothing', async (t) => {
  t.same(said(extract('The plan was said to be costly.')), []);
  t.same(said(extract('Lena Brandt did not say when the bridge would open.')), []);
  t.same(said(extract('All claims that the dam leaked were false.')), []);
});

t.test('straight quotes and nested single quotes', async (t) => {
  t.same(said(extract('Lena Brandt said, "The sign read \'closed for good\' and we believed it."')), [['Lena Brandt', 'direct', 'said', "The sign read 'closed for good' and we believed it."]]);
});

t.test('a missing closing mark closes at the end of the paragraph', async (t) => {
  t.same(said(extract('Lena Brandt said that “the bridge will open in May. The tolls will be low.\n\nThe council meets on Friday.')), [
    ['Lena Brandt', 'direct', 'said', 'the bridge will open in May. The tolls will be low.'],
  ]);
});

t.test('a stray quotation mark does not make a statement', async (t) => {
  t.same(said(extract('Lena Brandt said that “costs have doubled.” “, and that “the work must stop.”')), [
    ['Lena Brandt', 'direct', 'said', 'costs have doubled.'],
    ['Lena Brandt', 'direct', 'said', 'the work must stop.'],
  ]);
});

t.test('a quotation running over paragraphs stays with its speaker', async (t) => {
  t.same(said(extract('Lena Brandt said: “The first phase is finished and the second has begun.\n\n“We expect the last phase to end next spring.”')), [
    ['Lena Brandt', 'direct', 'said', 'The first phase is finished and the second has begun.'],
    ['Lena Brandt', 'direct', 'said', 'We expect the last phase to end next spring.'],
  ]);
});

t.test('the next quoted sentence of the same speaker is theirs', async (t) => {
  t.same(said(extract('“The bridge is safe,” Lena Brandt said. “We tested every cable twice.”')), [
    ['Lena Brandt', 'direct', 'said', 'The bridge is safe,'],
    ['Lena Brandt', 'direct', 'said', 'We tested every cable twice.'],
  ]);
});

t.test('a quoted sub-heading and scare quotes are not statements', async (t) => {
  t.same(said(extract('Lena Brandt said the bridge was safe.\n\n“A safe bridge”\n\nThe span has been described as “a marvel of engineering.”')), [
    ['Lena Brandt', 'indirect', 'said', 'the bridge was safe'],
  ]);
});

t.test('without "that", a verb that reports clauses needs a clause; some verbs report a noun phrase', async (t) => {
  t.same(said(extract('The Harbour Authority explained the schedule in a press release and followed it up later.')), []);
  // announcing or alleging a thing reports it: "announced a naval coalition", "have alleged foreign involvement"
  t.same(said(extract('The Harbour Authority announced a new ferry line to Tallinn which was joined by two operators.')), [['Harbour Authority', 'indirect', 'announced', 'a new ferry line to Tallinn']]);
  t.same(said(extract('But both Estonia and the United States have alleged foreign involvement.')), [
    ['Estonia', 'indirect', 'alleged', 'foreign involvement'],
    ['United States', 'indirect', 'alleged', 'foreign involvement'],
  ]);
  t.same(said(extract('The Harbour Authority denied all reports of a leak.')), [['Harbour Authority', 'indirect', 'denied', 'all reports of a leak']]);
  t.same(said(extract('The fifty states will vote.')), []);
});

t.test('answers in an interview transcript are not read for cues', async (t) => {
  const body = [
    'Lena Brandt answered questions from the Test Wire.',
    'What do voters want?',
    '((Lena Brandt)) They say the trains are late. People believe the city can do better.',
    'Why run now?',
    '((Lena Brandt)) Because officials said nothing for years.',
  ].join('\n\n');
  t.same(said(extract(body)), []);
});

t.test('an opening participle belongs to the subject after it; "told X" names the addressee, not the speaker', async (t) => {
  t.same(said(extract('Calling it “just another delay”, Ada Moss of the union told Reuters the talks had failed.')), [
    ['Ada Moss', 'direct', 'Calling', 'just another delay'],
    ['Ada Moss', 'indirect', 'told', 'the talks had failed'],
  ]);
  t.same(said(extract('The talks had failed, told Reuters.')), []);
});

t.test('a quotation in an earlier sentence is not attributed by a later "X said"', async (t) => {
  t.same(said(extract('Calling it “a delay”, Ada Moss left. The government said the report was false.')), [
    ['Ada Moss', 'direct', 'Calling', 'a delay'],
    ['government', 'indirect', 'said', 'the report was false'],
  ]);
});

t.test('a dateline is never the subject and its agency is not "the company"', async (t) => {
  t.same(said(extract('TALLINN, Oct 2 (Reuters) - Baltic ferry operator Norlys Line will cut 300 jobs, the company said on Tuesday.')), [
    ['Norlys Line', 'indirect', 'said', 'Baltic ferry operator Norlys Line will cut 300 jobs'],
  ]);
  t.same(said(extract('TALLINN (AP) — The port reopened, officials said.')), [['officials', 'indirect', 'said', 'The port reopened']]);
});

t.test('settings and addressees between the cue and the clause are skipped', async (t) => {
  t.same(said(extract('The Harbour Authority said in a statement it was reviewing the contract.')), [['Harbour Authority', 'indirect', 'said', 'it was reviewing the contract']]);
  t.same(said(extract('Lena Brandt told the court she had never seen the contract.')), [['Lena Brandt', 'indirect', 'told', 'she had never seen the contract']]);
  t.same(said(extract('Lena Brandt told the council the bridge would open in May.')), [['Lena Brandt', 'indirect', 'told', 'the bridge would open in May']]);
  t.same(said(extract('The bridge will open in May, Mayor Lena Brandt told Reuters in an interview.')), [['Lena Brandt', 'indirect', 'told', 'The bridge will open in May']]);
  t.same(said(extract('“We will open in May,” Lena Brandt said at a briefing in Tallinn.')), [['Lena Brandt', 'direct', 'said', 'We will open in May,']]);
});

t.test('party and state tags and abbreviated titles around a name', async (t) => {
  t.same(said(extract('Sen. Tomas Rivera, R-Ore., said the bill was flawed.')), [['Tomas Rivera', 'indirect', 'said', 'the bill was flawed']]);
  t.same(said(extract('“The bill is flawed,” said Sen. Tomas Rivera, D-Wash.')), [['Tomas Rivera', 'direct', 'said', 'The bill is flawed,']]);
  t.same(said(extract('Senate Majority Leader Tomas Rivera said the bill was flawed.')), [['Tomas Rivera', 'indirect', 'said', 'the bill was flawed']]);
});

t.test('a cue inside the clause another cue reports is part of that clause', async (t) => {
  t.same(said(extract('The landlords claimed Ada Moss first complained of noise, not damp.')), [['landlords', 'indirect', 'claimed', 'Ada Moss first complained of noise, not damp']]);
});

t.test('a clause ends where the next speaker begins, even past a semicolon or a long opening phrase', async (t) => {
  t.same(said(extract('Ada Moss denied any contact, but upon seeing the records she claimed the meeting had been brief; Ian Hale consistently claimed it was long.')), [
    ['Ada Moss', 'indirect', 'denied', 'any contact'],
    ['Ada Moss', 'indirect', 'claimed', 'the meeting had been brief'],
    ['Ian Hale', 'indirect', 'claimed', 'it was long'],
  ]);
  t.same(said(extract('Shares fell as the company said profits would drop.')), [['company', 'indirect', 'said', 'profits would drop']]);
});

t.test('reported speech before a colon and the quotation after it are two statements', async (t) => {
  t.same(said(extract('Ada Moss told the press the repairs were only a first step: “What will fix the harbour is money.”')), [
    ['Ada Moss', 'indirect', 'told', 'the repairs were only a first step'],
    ['Ada Moss', 'direct', 'told', 'What will fix the harbour is money.'],
  ]);
});

t.test('"according to X" closing a sentence without a comma', async (t) => {
  t.same(said(extract('Ferry traffic fell by a third last year according to the Harbour Authority.')), [
    ['Harbour Authority', 'indirect', 'according to', 'Ferry traffic fell by a third last year'],
  ]);
});

t.test('a participle after an attributed quotation, in a sentence that began inside it', async (t) => {
  t.same(said(extract('Ada Moss remarked, "It was hard. We did it," further remarking, "Nobody believed us."')), [
    ['Ada Moss', 'direct', 'remarked', 'It was hard. We did it,'],
    ['Ada Moss', 'direct', 'remarking', 'Nobody believed us.'],
  ]);
});

t.test('"went on to say", "continued" after a quotation, "As X said, ..."', async (t) => {
  t.same(said(extract('Ada Moss spoke first. She went on to say the harbour would reopen.')), [['Ada Moss', 'indirect', 'went on to say', 'the harbour would reopen']]);
  t.same(said(extract('Ada Moss spoke first. "Your ships must leave", she continued in the speech.')), [['Ada Moss', 'direct', 'continued', 'Your ships must leave']]);
  t.same(said(extract('As the ministry communicated, the bill will pass by March.')), [['ministry', 'indirect', 'communicated', 'the bill will pass by March']]);
  t.same(said(extract('The bill will pass by March, as Ada Moss said.')), [['Ada Moss', 'indirect', 'said', 'The bill will pass by March']]);
});

t.test('"This was announced by X": the sentence before is what X said', async (t) => {
  const x = extract('The government will close the old harbour. This was announced yesterday by the transport minister, Ada Moss, in Tallinn.');
  t.same(said(x), [['Ada Moss', 'indirect', 'announced', 'The government will close the old harbour']]);
  t.equal(x.statements[0].date.date, '2024-11-13');
  // evidence, not speech: only a claim
  t.same(said(extract('The harbour is closing. This is indicated by the figures of the Harbour Authority.')), []);
});

t.test('a planned or hypothetical speech act is no statement', async (t) => {
  t.same(said(extract('Ada Moss declared an emergency and said the city would ask for federal help.')), [['Ada Moss', 'indirect', 'said', 'the city would ask for federal help']]);
});

t.test('descriptions: the person with that office, else an unnamed source', async (t) => {
  t.same(said(extract('Yesterday, the Prime Minister defended the reform. He assured that no pensions would fall.')), [['prime minister', 'indirect', 'assured', 'no pensions would fall']]);
  t.same(said(extract('The Democratic senator from Oregon, Ada Moss, spoke. “We owe it to them,” the Democratic senator added.')), [['Ada Moss', 'direct', 'added', 'We owe it to them,']]);
  t.same(said(extract('The Harbour Authority met the Port Union. According to the port authority, ships are waiting.')), [['port authority', 'indirect', 'According to', 'ships are waiting']]);
});

t.test('"said she expects", "said on Monday they believe": a clause with a pronoun subject, nested cues included', async (t) => {
  t.same(said(extract('Lena Brandt said she expects a decision this year.')), [['Lena Brandt', 'indirect', 'said', 'she expects a decision this year']]);
  t.same(said(extract('Police said on Monday they believe the theft involved a group of thieves.')), [['police', 'indirect', 'said', 'they believe the theft involved a group of thieves']]);
  t.same(said(extract('Lena Brandt said on Monday that she believed the bridge was safe.')), [['Lena Brandt', 'indirect', 'said', 'she believed the bridge was safe']]);
  // the addressee is skipped before the nested subject
  t.same(said(extract('Residents told the press the officers claimed to be seeking a bomb.')), [['residents', 'indirect', 'told', 'the officers claimed to be seeking a bomb']]);
});

t.test('a parenthetical "according to X" after a conjunction or an opening phrase reports the clause after it', async (t) => {
  t.same(said(extract('His family gave no cause, but, according to his agent, Lena Brandt had undergone surgery recently.')), [['agent', 'indirect', 'according to', 'Lena Brandt had undergone surgery recently']]);
  const x = extract('On Sunday in London, according to witnesses, a man entered a store and began to stab people.', '2024-11-14');
  t.same(said(x), [['witnesses', 'indirect', 'according to', 'a man entered a store and began to stab people']]);
  // "On Sunday" dates what happened, not the report
  t.same(x.statements[0].date.date, null);
  // a closing source and an aside after it: the clause before
  t.same(said(extract('The bridge was closed, according to Lena Brandt, with repairs due in May.')), [['Lena Brandt', 'indirect', 'according to', 'The bridge was closed']]);
  t.same(said(extract('The bridge was closed for repairs, according to Lena Brandt, and will reopen in May.')), [['Lena Brandt', 'indirect', 'according to', 'The bridge was closed for repairs']]);
});

t.test('a cue that attributes nothing leaves its clause to the next cue', async (t) => {
  // "called" (a stance verb) has no quotation: the clause is what the police reported
  t.same(said(extract('A mother called the police on Sunday after her daughter found a bag of pills, according to Kamden Police.')), [
    ['Kamden Police', 'indirect', 'according to', 'A mother called the police on Sunday after her daughter found a bag of pills'],
  ]);
});

t.test('the subject of a cue is never taken from an earlier clause with a verb of its own', async (t) => {
  t.same(said(extract('Lena Brandt spoke, though Omar Khan said it is on tape.')), [['Omar Khan', 'indirect', 'said', 'it is on tape']]);
  t.same(said(extract('Lena Brandt denied it, though Omar Khan said the bridge is on tape.')).filter((s) => s[2] === 'said'), [['Omar Khan', 'indirect', 'said', 'the bridge is on tape']]);
  t.same(said(extract('NDTV later reported officials, following an investigation, stated it was a coconut.')), [['officials', 'indirect', 'stated', 'it was a coconut']]);
  // a negation before an aside still negates
  t.same(said(extract('The United States had not, as of yesterday, announced any plans to remove the troops.')), []);
  // but auxiliaries before an aside are no verb of their own
  t.same(said(extract('The Emergencies Ministry has, in a statement, called on drivers to “slow down.”')), [['Emergencies Ministry', 'direct', 'called on', 'slow down.']]);
});

t.test('a cue in an opening subordinate clause reports only to the end of that clause', async (t) => {
  t.same(said(extract('After Omar Khan tweeted the same advice, Twitter placed a warning over the tweet.')), []);
  t.same(said(extract('When Omar Khan said the bridge was safe, nobody believed him.')), [['Omar Khan', 'indirect', 'said', 'the bridge was safe']]);
});

t.test('a quotation followed by "however X noted CLAUSE" is not attributed by that cue', async (t) => {
  t.same(said(extract('Analysts agreed, with analyst Kevin Bonham having declared it “the most boring by-election”, however Bonham noted the size of the swing may have been telling.')), [
    ['Kevin Bonham', 'direct', 'declared', 'the most boring by-election'],
    ['Kevin Bonham', 'indirect', 'noted', 'the size of the swing may have been telling'],
  ]);
});

t.test('asides and idioms that are no cue: a relative clause between dashes, "confirmed cases", "claimed 60 lives", a source inside a phrase', async (t) => {
  t.same(said(extract('Speaker Lena Brandt commented on the matter — which the BBC noted as an unusual move — “It is obvious that the purpose is to stop debate.”')), [
    ['Lena Brandt', 'direct', 'commented', 'It is obvious that the purpose is to stop debate.'],
  ]);
  t.same(said(extract('According to the official WHO report yesterday, there had been 2741 confirmed cases, 80 deaths, and 5794 suspected cases in China.')), [
    ['World Health Organization', 'indirect', 'According to', 'there had been 2741 confirmed cases, 80 deaths, and 5794 suspected cases in China'],
  ]);
  t.same(said(extract('According to the WHO, the virus claimed 6606 lives, and 167,515 cases were reported.')), [['World Health Organization', 'indirect', 'According to', 'the virus claimed 6606 lives, and 167,515 cases were reported']]);
  t.same(said(extract('The outbreak killed at least 62, including, according to government reports, 54 small children.')), []);
});

t.test('"with X saying", progressive cues and "X reported Y said"', async (t) => {
  t.same(said(extract('The city closed the bridge on Monday, with officials saying this is for safety reasons.')), [['officials', 'indirect', 'saying', 'this is for safety reasons']]);
  // "with" clause content is after the participle, never the clause before it
  t.same(said(extract('Reuters reported the attack the deadliest since 2018, with officials reporting at the time 150 soldiers were killed.')), [
    ['officials', 'indirect', 'reporting', 'at the time 150 soldiers were killed'],
  ]);
  t.same(said(extract('The US has been encouraging allies such as Germany to restrict the airline.')), [['United States', 'indirect', 'encouraging', 'allies such as Germany to restrict the airline']]);
  t.same(said(extract('Lena Brandt is warning that the bridge will fall.')), [['Lena Brandt', 'indirect', 'warning', 'the bridge will fall']]);
  // "may have been telling." is an adjective
  t.same(said(extract('Lena Brandt noted the size of the swing may have been telling.')), [['Lena Brandt', 'indirect', 'noted', 'the size of the swing may have been telling']]);
  // a news report of what a named or described source said: both
  t.same(said(extract('CNN reported officials said the ban was final.')), [
    ['CNN', 'indirect', 'reported', 'officials said the ban was final'],
    ['officials', 'indirect', 'said', 'the ban was final'],
  ]);
  t.same(said(extract('Reuters reported on Monday a German government source, whom they did not name, said the ban is not part of a broader plan.')).map((s) => s[0]), ['Reuters', 'government source']);
  // an appositive name inside the reported clause does not make its verb a cue
  t.same(said(extract('Rudaw reports the airline’s director, Hamid Khanooki, has alleged ties to the Guard.')), [['Rudaw', 'indirect', 'reports', 'the airline’s director, Hamid Khanooki, has alleged ties to the Guard']]);
});

t.test('lists, titles with "to/of" and accounts in speaker phrases', async (t) => {
  t.same(said(extract('German firms including Deutsche Bahn, Daimler, and Siemens have announced plans to pull out of the country.')), [['firms', 'indirect', 'announced', 'plans to pull out of the country']]);
  t.same(said(extract('Several countries, including France and Germany, said the deal was dead.')), [['countries', 'indirect', 'said', 'the deal was dead']]);
  t.same(said(extract('US Ambassador to Germany Richard Grenell alleged the airline had helped the regime.')), [['Richard Grenell', 'indirect', 'alleged', 'the airline had helped the regime']]);
  t.same(said(extract('A tweet sent from Omar Khan’s Twitter account repeated the pledge, saying “My running mate will be a woman.”')), [['Omar Khan', 'direct', 'saying', 'My running mate will be a woman.']]);
  t.same(said(extract('“The airline moves weapons,” according to a tweet on Monday by US Secretary of State Mike Pompeo.')), [['Mike Pompeo', 'direct', 'according to', 'The airline moves weapons,']]);
  // "the Post" is a newspaper's name, not "a post"; a bare subject after "According to X," is no reported clause
  t.same(said(extract('According to the Post, former adviser Steve Bannon told them of its existence.')), []);
  t.same(said(extract('Indeed, News 12 reported, only buildings next to the break were without water.')), [['News 12', 'indirect', 'reported', 'only buildings next to the break were without water']]);
});

t.test('unknown names set off by an aside still speak: a relative clause or an appositive between commas', async (t) => {
  // the relative clause is closed by a comma before the cue: its object is not the speaker
  t.same(said(extract('Velmora-Tisk, which makes Softa Paper Towels, said it was working to restore supply.')), [['Velmora-Tisk', 'indirect', 'said', 'it was working to restore supply']]);
  t.same(said(extract('Lotbay.com, a property listing site, reported that sellers were offering free parking to buyers.')), [['Lotbay.com', 'indirect', 'reported', 'sellers were offering free parking to buyers']]);
  // a lone capitalised word opening a sentence without a verb of saying after it is still no actor
  t.same(said(extract('Yesterday, the ministry said the road was closed.')).map((s) => s[0]), ['ministry']);
  // the relative clause that ends at the cue has the cue's subject
  t.same(said(extract('The island, which Karvia says is its territory, held elections in May.')).length, 0);
});

t.test('"reported" with a noun phrase and a participle reports what it does; passives and nouns in -ing do not', async (t) => {
  t.same(said(extract('The agency reported dozens of families leaving the town after the floods.')), [['agency', 'indirect', 'reported', 'dozens of families leaving the town after the floods']]);
  t.same(said(extract('The paper reported the building of a new hospital in the city.')), []);
  t.same(said(extract('A cargo plane, reported by local press as belonging to the air force, crashed into houses.')), []);
  t.same(said(extract('Her condition was on Wednesday reported to not be life-threatening by the doctors.')), []);
});

t.test('who was addressed before "that" is skipped after any verb of saying, when a date, a setting or a name follows it', async (t) => {
  t.same(said(extract('Mara Voss warned the administration last December that the dam could fail.')), [['Mara Voss', 'indirect', 'warned', 'the dam could fail']]);
  t.same(said(extract('Mara Voss warned officials in a letter last month that the dam could fail.')), [['Mara Voss', 'indirect', 'warned', 'the dam could fail']]);
  t.same(said(extract('Mara Voss warned him on Monday that the dam could fail.')), [['Mara Voss', 'indirect', 'warned', 'the dam could fail']]);
  // a noun with a relative clause is the content, not an addressee
  t.same(said(extract('Mara Voss said the plan that the council approved was flawed.')), [['Mara Voss', 'indirect', 'said', 'the plan that the council approved was flawed']]);
});

t.test('a cue word in its base form closing a phrase after a word that cannot be its subject is a noun', async (t) => {
  t.same(said(extract('Mara Voss expects higher prices, as suppliers try to meet demand, and fewer discounts.')), []);
  t.same(said(extract('Mara Voss added that other products are also in high demand, including masks and flour.')), [['Mara Voss', 'indirect', 'added', 'other products are also in high demand, including masks and flour']]);
  t.same(said(extract('The bridge is unsafe, the engineers claim.')), [['engineers', 'indirect', 'claim', 'The bridge is unsafe']]);
});

t.test('"One of them" speaks for the group last heard; "went as far as to say" is a cue', async (t) => {
  t.same(said(extract('Officials said the road was closed. One of them even went as far to say, “It was never safe.”')), [
    ['officials', 'indirect', 'said', 'the road was closed'],
    ['officials', 'direct', 'went as far to say', 'It was never safe.'],
  ]);
  // a group that never spoke is no antecedent
  t.same(said(extract('Lena Brandt met the rebels. One of them said, “We will fight on.”')), []);
  t.same(said(extract('Mara Voss went so far as to say that the bridge was unsafe.')), [['Mara Voss', 'indirect', 'went so far as to say', 'the bridge was unsafe']]);
});

t.test('reported content ends before ", meaning ..." (the article explaining it); the speaker\'s own consequences stay', async (t) => {
  t.same(said(extract('According to critics of the mayor, this is a ploy to close the bridge, meaning the town would lose its ferry.')), [['critics', 'indirect', 'According to', 'this is a ploy to close the bridge']]);
  t.same(said(extract('Mara Voss remarked the bridge is a narrow road, leading to long queues every morning.')), [['Mara Voss', 'indirect', 'remarked', 'the bridge is a narrow road, leading to long queues every morning']]);
});
