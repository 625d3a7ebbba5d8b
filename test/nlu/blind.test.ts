/**
 * Blind batches: messages written and labelled by people who never saw the extractor
 * (CONTRACTS.md §1 and the corpus labelling rules in shared/corpus/SOURCES.md). Each batch
 * was scored once while still unseen (the honest estimate, noted per batch below); batches
 * tuned on afterwards must stay at the targets or near their tuned score, and the
 * last batch, never tuned on, guards against regressions a little below its single score.
 */
import { describe, expect, it } from 'vitest';
import { missesOf, readJsonl, repoPath, report, score, type ScoredField } from './scoring.ts';

interface Batch {
  name: string;
  file: string;
  min: number;
  thresholds: [ScoredField, number][];
}

const batches: Batch[] = [
  {
    name: 'blind-2',
    file: 'test/nlu/blind-2.jsonl',
    min: 200,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9]],
  },
  {
    name: 'blind-3',
    file: 'test/nlu/blind-3.jsonl',
    min: 80,
    thresholds: [
      ['orderId', 0.97], ['platform', 0.97], ['problem', 0.72], ['wants', 0.93], ['trackingNo', 0.97], ['promise', 0.97],
    ],
  },
  {
    // Tuned on (vocabulary and structural frames were built looking at its misses): must stay at the unseen targets.
    name: 'blind-4',
    file: 'test/nlu/blind-4.jsonl',
    min: 150,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9]],
  },
  {
    name: 'blind-5',
    file: 'test/nlu/blind-5.jsonl',
    min: 150,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9]],
  },
  {
    // Scored once, after all the blind-4/5 work, and never tuned on. Measured 2026-11-22: orderId 99.2 %,
    // platform 99.2 %, problem 68.3 %, wants 85.0 %, trackingNo 99.2 %, promise 99.2 %. These thresholds
    // sit just below that (a regression guard); its problem/wants scores are the honest unseen estimate.
    name: 'blind-6',
    file: 'test/nlu/blind-6.jsonl',
    min: 120,
    // Tuned on in round 8 (symptom families, conditional clauses, promised delivery times …): problem 100 %,
    // wants 95.8 % after that work. No longer an unseen estimate; the guard sits a little below.
    thresholds: [
      ['orderId', 0.98], ['platform', 0.98], ['problem', 0.97], ['wants', 0.93], ['trackingNo', 0.98], ['promise', 0.98],
    ],
  },
  {
    // Scored unseen at problem 84.4 %, wants 91.3 %; then tuned on in round 8 (problem 99.4 %, wants 99.4 %).
    // Must stay at the targets for unseen messages.
    name: 'blind-7',
    file: 'test/nlu/blind-7.jsonl',
    min: 150,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9]],
  },
  {
    // Scored unseen before round 8 (problem 77.3 %, wants 95.5 %) and after it (problem 79.1 %, wants 94.5 %),
    // then tuned on in round 9: problem 98.2 %, wants 95.5 %, the other fields 100 %. No longer an unseen
    // estimate; the guard sits a little below.
    name: 'blind-8',
    file: 'test/nlu/blind-8.jsonl',
    min: 110,
    thresholds: [
      ['orderId', 0.98], ['platform', 0.98], ['problem', 0.96], ['wants', 0.93], ['trackingNo', 0.98], ['promise', 0.98],
    ],
  },
  {
    // Labelled by someone who never saw the extractor; scored unseen at problem 76.3 %, wants 90.6 %,
    // promise 98.1 %, then tuned on in round 9 (problem 98.1 %, wants 96.9 %, promise 98.1 %, others 100 %).
    // Must stay at the targets for unseen messages.
    name: 'blind-9',
    file: 'test/nlu/blind-9.jsonl',
    min: 160,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9]],
  },
  {
    // Labelled independently and scored exactly once, after round 9, on 2026-11-22: orderId 98.3 %,
    // platform 100 %, problem 77.5 %, wants 85.8 %, trackingNo 99.2 %, promise 99.2 % (before round 9:
    // problem 75.8 %, wants 84.2 %, orderId 98.3 %). Never tuned on: its problem/wants scores are the honest
    // unseen estimate, and these thresholds sit a little below them as a regression guard.
    name: 'blind-10',
    file: 'test/nlu/blind-10.jsonl',
    min: 120,
    thresholds: [
      ['orderId', 0.97], ['platform', 0.98], ['problem', 0.75], ['wants', 0.83], ['trackingNo', 0.97], ['promise', 0.97],
    ],
  },
  {
    // Written from data/nlu/LABELS.md by a helper that never saw the code or the model, scored
    // once with the first shipped classifier (problem 86.9 %, wants 87.2 %, orderId 93.3 %,
    // platform 92.8 %), then folded into training and used to add order-number formats and
    // platforms outside the list: a training set now, guarded at the unseen targets.
    name: 'blind-11',
    file: 'test/nlu/blind-11.jsonl',
    min: 350,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Scored once with the shipped model (problem 84.7 %, wants 87.1 %, orderId 98.2 %,
    // platform 99.1 %: the honest unseen figure, README), then folded into training.
    name: 'blind-12',
    file: 'test/nlu/blind-12.jsonl',
    min: 330,
    thresholds: [['orderId', 0.97], ['platform', 0.95], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written by a helper that saw neither the code nor the data, scored once with the shipped
    // model (problem 82.5 %, wants 87.5 %, orderId 98.1 %, platform 99.7 %: the honest unseen
    // figure, README), then folded into training once blind-14 existed.
    name: 'blind-13',
    file: 'test/nlu/blind-13.jsonl',
    min: 320,
    thresholds: [['orderId', 0.96], ['platform', 0.97], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written blind (as blind-13), scored once with the shipped model (problem 85.7 %, wants 86.8 %,
    // orderId 99.3 %, platform 100 %, sellerReply 93.0 %, confident-wrong 3.0 % / 4.5 %), then
    // folded into training once blind-15 existed.
    name: 'blind-14',
    file: 'test/nlu/blind-14.jsonl',
    min: 400,
    thresholds: [['orderId', 0.97], ['platform', 0.97], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written blind (short, terse, phone-typed), scored once with the round-3 extractor (problem 85.5 %,
    // wants 88.0 %, orderId 99.3 %, platform 100 %, sellerReply 91.2 %, confident-wrong 2.7 % / 3.4 %),
    // then folded into training in round 4 once blind-16 existed.
    name: 'blind-15',
    file: 'test/nlu/blind-15.jsonl',
    min: 400,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written blind (a third shaped like public reviews, customer-service turns and support posts), scored
    // once with the round-4 extractor before any of its lines were looked at (problem 85.2 %, wants 82.1 %,
    // orderId 99.3 %, platform 99.5 %, sellerReply 86.0 %, confident-wrong 4.3 % / 4.0 %), then tuned on
    // and folded into training: a training set now, guarded at the unseen targets.
    name: 'blind-16',
    file: 'test/nlu/blind-16.jsonl',
    min: 400,
    thresholds: [['orderId', 0.97], ['platform', 0.97], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written blind (first messages, follow-ups and odd lines in equal parts), scored once with the round-4
    // extractor (problem 87.8 %, wants 87.3 %, orderId 100 %, platform 99.8 %, sellerReply 95.8 %,
    // confident-wrong 3.0 % / 3.3 %), then folded into training once blind-18 existed.
    name: 'blind-17',
    file: 'test/nlu/blind-17.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Written blind (first messages, follow-ups, odd lines), scored once with the round-4 extractor
    // (problem 89.2 %, wants 85.8 %, orderId 99.7 %, platform 99.7 %, sellerReply 96.4 %, confident-wrong
    // 4.2 % / 4.2 %), then tuned on and folded into training in round 5 once blind-19 existed.
    name: 'blind-18',
    file: 'test/nlu/blind-18.jsonl',
    min: 350,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.9], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Written blind (a mix of first messages, follow-ups, quotes, Traditional and English), scored once
    // with the round-5 extractor (problem 86.5 %, wants 89.0 %, orderId 99.3 %, platform 99.0 %,
    // sellerReply 90.0 %, confident-wrong 3.8 % / 4.0 %); then its misses were studied to refine the
    // rules. Not trained on: with it the classifier moved away from real buyers' "money owed" wishes.
    name: 'blind-19',
    file: 'test/nlu/blind-19.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.97]],
  },
  {
    // Written blind (half long first messages telling the story, half later turns), scored once with
    // the round-5 extractor of step 3 (problem 79.7 %, wants 85.3 %, orderId 99.2 %, platform 99.4 %,
    // sellerReply 89.7 %, confident-wrong 7.2 % / 5.0 %), then folded into training.
    name: 'blind-20',
    file: 'test/nlu/blind-20.jsonl',
    min: 360,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.88], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Written blind (first messages, later turns, review- and tweet-shaped lines, Traditional, English),
    // scored once with round 5's shipped extractor at the start of round 6 (problem 83.5 %, wants 86.5 %,
    // orderId 99.3 %, platform 99.8 %, sellerReply 94.0 %, confident-wrong 4.0 % / 4.5 %), then folded into training.
    name: 'blind-21',
    file: 'test/nlu/blind-21.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.95], ['wants', 0.92], ['trackingNo', 0.98]],
  },
  {
    // Written blind (30 conversations of 12 turns), scored once after round 6's NLU step (problem 77.5 %,
    // wants 84.4 %, orderId 98.9 %, platform 100 %, sellerReply 88.6 %, confident-wrong 8.3 % / 6.7 %), then
    // folded into training for the problem and seller-reply heads only (train-nlu.ts: THEMED).
    name: 'blind-22',
    file: 'test/nlu/blind-22.jsonl',
    min: 360,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.9], ['wants', 0.82], ['trackingNo', 0.97]],
  },
  {
    // Written blind (first messages, later turns, Traditional, Cantonese, English), scored once at the end
    // of round 6 (problem 83.6 %, wants 88.3 %, orderId 99.7 %, platform 100 %, sellerReply 94.4 %,
    // confident-wrong 2.8 % / 2.5 %). In round 7 its seller-reply labels were folded into training
    // (train-nlu.ts: THEMED), and its misses, with the other held-out sets', set where a weak rule word gives way
    // to the classifier (src/nlu/index.ts): no longer blind.
    name: 'blind-23',
    file: 'test/nlu/blind-23.jsonl',
    min: 360,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.84], ['wants', 0.88], ['trackingNo', 0.98]],
  },
  {
    // Written blind (140 first messages, 60 Traditional / Cantonese / English / mixed, 80 shaped like reviews,
    // posts to a shop and chat lines, 120 later turns), scored once after round 7's step 1 (problem 90.0 %,
    // wants 93.8 %, orderId 98.5 %, platform 99.8 %, sellerReply 95.8 %, confident-wrong 2.0 % / 2.0 %).
    name: 'blind-24',
    file: 'test/nlu/blind-24.jsonl',
    min: 400,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.88], ['wants', 0.92], ['trackingNo', 0.98]],
  },
  {
    // Written blind (150 first messages, 50 Traditional / Cantonese / English / mixed, 80 reviews, posts and
    // chat lines, 120 later turns), scored once after round 7's step 2 (problem 87.3 %, wants 90.3 %, orderId
    // 100 %, platform 100 %, sellerReply 92.0 %, confident-wrong 3.3 % / 4.0 %). Not trained on; its misses, with the
    // other held-out sets', set step 3's rule for a wish read after the other side's words: no longer blind.
    name: 'blind-25',
    file: 'test/nlu/blind-25.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.85], ['wants', 0.88], ['trackingNo', 0.98]],
  },
  {
    // Written blind, leaning to public text (116 reviews, 80 posts to a shop or platform, 60 buyer lines to a shop's
    // service, 79 first messages, 65 later turns), scored once after round 7's step 3 (problem 89.3 %, wants 89.5 %,
    // orderId 99.0 %, platform 99.5 %, sellerReply 94.8 %, confident-wrong 1.3 % / 4.5 %). Then its seller-reply
    // labels were trained on (its problem labels lowered the other held-out sets), and it helped set WISH_ALONE.
    name: 'blind-26',
    file: 'test/nlu/blind-26.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.87], ['wants', 0.88], ['trackingNo', 0.98]],
  },
  {
    // Written blind (130 first messages, 90 reviews and posts, 60 buyer lines to a shop's service, 120 later turns),
    // scored once after round 7's step 4 (problem 82.8 %, wants 88.3 %, orderId 99.3 %, platform 99.5 %, sellerReply
    // 92.3 %, confident-wrong 5.5 % / 4.8 %), then trained for the seller-reply head only.
    name: 'blind-27',
    file: 'test/nlu/blind-27.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.81], ['wants', 0.86], ['trackingNo', 0.98]],
  },
  {
    // Written blind (140 first messages, 100 reviews and posts, 40 buyer lines to a shop's service, 120 later turns),
    // scored once after round 7's step 5, the shipped extractor (problem 88.3 %, wants 87.0 %, orderId 99.3 %,
    // platform 99.5 %, sellerReply 95.3 %, confident-wrong 1.8 % / 1.8 %). Round 8 read it and trains the seller-reply
    // head on it (not its problem or wish labels).
    name: 'blind-28',
    file: 'test/nlu/blind-28.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.86], ['wants', 0.85], ['trackingNo', 0.98]],
  },
  {
    // Written blind (140 first messages, 60 Traditional / Cantonese / English / mixed, 80 reviews and posts, 120 later
    // turns), scored once after round 8's step 1 (problem 87.3 %, wants 92.0 %, orderId 100 %, platform 99.8 %,
    // sellerReply 97.3 %, confident-wrong 4.0 % / 2.0 %). Then trains the seller-reply head only.
    name: 'blind-29',
    file: 'test/nlu/blind-29.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.85], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Written blind (148 first messages, 50 Traditional / Cantonese / English / mixed, 76 reviews and posts, 126 later
    // turns), scored once after round 8's step 2 with the round's merged intents (problem 86.8 %, wants 93.8 %,
    // orderId 99.8 %, platform 97.5 %, sellerReply 97.8 %, confident-wrong 4.0 % / 2.8 %). Not trained on: the next
    // round's material.
    name: 'blind-30',
    file: 'test/nlu/blind-30.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.96], ['problem', 0.85], ['wants', 0.91], ['trackingNo', 0.98]],
  },
  {
    // Round 10, written blind (140 first messages, 50 Traditional / Cantonese / English / mixed, 80 reviews and
    // posts, 130 later turns). Scored on round 9's shipped extractor (problem 89.3 %, wants 92.0 %, orderId 99.8 %,
    // platform 100 %, trackingNo 99.5 %, sellerReply 93.5 %) and once more, untouched, after the round's NLU changes
    // (problem 89.5 %, wants 92.0 %, sellerReply 93.5 %). Not trained on.
    name: 'blind-31',
    file: 'test/nlu/blind-31.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.87], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Round 10, written blind and leaning to the middle of a case (120 first messages, 40 Traditional / Cantonese /
    // English / mixed, 40 reviews and posts, 200 later turns), scored once after the round's NLU changes: problem
    // 85.8 %, wants 88.0 %, orderId 99.5 %, platform 99.5 %, trackingNo 99.3 %, sellerReply 91.0 %. Not trained on.
    name: 'blind-32',
    file: 'test/nlu/blind-32.jsonl',
    min: 400,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.83], ['wants', 0.86], ['trackingNo', 0.98]],
  },
  {
    // Round 11, written blind (about 55 % Simplified in many registers, 10 % Traditional, 8 % Cantonese-flavoured,
    // 15 % English, the rest mixed; about 40 % report a seller or platform answer, 20 % later turns with no problem).
    // Scored on round 10's shipped extractor (problem 86.3 %, wants 82.8 %, orderId 99.0 %, platform 99.8 %,
    // trackingNo 99.5 %, sellerReply 92.3 %) and once more, untouched, after round 11's changes (problem 86.3 %,
    // wants 83.0 %, sellerReply 92.3 %). Not trained on.
    name: 'blind-33',
    file: 'test/nlu/blind-33.jsonl',
    min: 400,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.84], ['wants', 0.81], ['trackingNo', 0.98]],
  },
  {
    // Round 12: 160 lines by a helper who saw no code or data, scored once on round 11's shipped extractor
    // (problem 93.1 %, wants 90.0 %, orderId 99.4 %, platform 100 %, trackingNo 99.4 %, sellerReply 90.0 %) and
    // again, untouched, after the round's merges: the same. Its writer's seller-reply names are mapped to the
    // rulebook's (promised → stalling, ignored → no_response, asked_evidence → needs_evidence, partial →
    // counter_offer). Not trained on; the guard sits a little below.
    name: 'blind-34',
    file: 'test/nlu/blind-34.jsonl',
    min: 150,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.91], ['wants', 0.88], ['trackingNo', 0.98]],
  },
  {
    // Round 13: 160 lines by a helper who saw no code or data, written in the rulebook's seller-reply names,
    // scored once on round 12's shipped extractor (problem 95.0 %, wants 92.5 %, orderId 99.4 %, platform 100 %,
    // trackingNo 100 %, sellerReply 95.6 %) and again, untouched, after the round's merges: the same. Not trained
    // on; the guard sits a little below.
    name: 'blind-35',
    file: 'test/nlu/blind-35.jsonl',
    min: 150,
    thresholds: [['orderId', 0.97], ['platform', 0.98], ['problem', 0.93], ['wants', 0.9], ['trackingNo', 0.98]],
  },
  {
    // Round 14: 160 lines by a helper who saw no code or data (process questions, rulings, non-Chinese shops),
    // scored once on round 13's shipped extractor before any change (problem 88.1 %, wants 91.3 %, orderId,
    // platform and trackingNo 100 %, sellerReply 95.0 %); then its misses were read for classes of error (not
    // lines), so from this round on it is a regression guard, not a blind score.
    name: 'blind-36',
    file: 'test/nlu/blind-36.jsonl',
    min: 150,
    thresholds: [['orderId', 0.98], ['platform', 0.98], ['problem', 0.87], ['wants', 0.9], ['trackingNo', 0.98]],
  },
];

for (const b of batches) {
  const lines = readJsonl(repoPath(b.file));
  const scores = score(lines);
  describe(b.name, () => {
    console.log(report(`${b.name} (${lines.length} messages)`, scores));

    it('is big enough to mean something', () => {
      expect(lines.length).toBeGreaterThanOrEqual(b.min);
    });

    it.each(b.thresholds)('%s ≥ %d', (field, min) => {
      expect(scores[field].accuracy, missesOf(scores, field)).toBeGreaterThanOrEqual(min);
    });
  });
}
