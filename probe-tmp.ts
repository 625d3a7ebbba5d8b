import { extract } from './src/nlu/index.ts';
for (const s of process.argv.slice(2)) {
  const e = extract(s) as any;
  console.log(s, JSON.stringify({ sellerReply: e.sellerReply, intent: e.intent, food: e.food, platform: e.platform, platformName: e.platformName, wants: e.wants, evidence: e.evidence, quote: e.sellerQuote, problem: e.problem }));
}
