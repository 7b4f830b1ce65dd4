// A recruitment drive's threshold rules, the verdict on each rule for an application, and its score.
//
// Score (0–100), documented here and in the API:
//   reach        40 × min(1, log10(1 + followers) / 5)          100,000 followers earn the full 40
//   read rate    20 × min(1, (avgReads / followers) / 0.2)      reads at 20% of followers earn the full 20
//   interaction  30 × min(1, interactionRate / 0.1)             (likes + comments) / reads at 10% earns 30
//   match        10 × (½ if the category matches + ½ if the city matches; a drive without that list matches)
// rounded to one decimal. Thresholds decide eligibility; the score only orders the review queue.
import { z } from 'zod';

export const DriveRules = z.strictObject({
  /** Followers needed for a seeding KOC (the seeds' bar: 1,000). */
  minFollowers: z.number().int().min(0).max(1e9).default(1000),
  /** Followers needed for a lead role (10,000). */
  leadMinFollowers: z.number().int().min(0).max(1e9).default(10_000),
  minAvgReads: z.number().int().min(0).max(1e9).default(0),
  /** (likes + comments) / reads per post. */
  minInteractionRate: z.number().min(0).max(1).default(0),
  /** Empty: any. */
  categories: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  cities: z.array(z.string().trim().min(1).max(50)).max(200).default([]),
});
export type DriveRules = z.output<typeof DriveRules>;

export interface ApplicantFigures {
  followers: number;
  avgReads: number;
  avgLikes: number;
  avgComments: number;
  category: string;
  city: string;
}

export interface Verdict {
  rule: 'followers' | 'avgReads' | 'interactionRate' | 'category' | 'city' | 'leadFollowers';
  required: number | string[];
  actual: number | string;
  pass: boolean;
}

export interface Assessment {
  verdicts: Verdict[];
  /** Meets every seeding threshold. */
  eligible: boolean;
  /** Eligible and has the followers of a lead role. */
  leadEligible: boolean;
  score: number;
}

export function assessApplication(rules: DriveRules, a: ApplicantFigures): Assessment {
  const rate = a.avgReads > 0 ? (a.avgLikes + a.avgComments) / a.avgReads : 0;
  const inList = (list: string[], v: string) => list.length === 0 || list.includes(v);
  const verdicts: Verdict[] = [
    {
      rule: 'followers',
      required: rules.minFollowers,
      actual: a.followers,
      pass: a.followers >= rules.minFollowers,
    },
    {
      rule: 'avgReads',
      required: rules.minAvgReads,
      actual: a.avgReads,
      pass: a.avgReads >= rules.minAvgReads,
    },
    {
      rule: 'interactionRate',
      required: rules.minInteractionRate,
      actual: Math.round(rate * 10_000) / 10_000,
      pass: rate >= rules.minInteractionRate,
    },
    {
      rule: 'category',
      required: rules.categories,
      actual: a.category,
      pass: inList(rules.categories, a.category),
    },
    { rule: 'city', required: rules.cities, actual: a.city, pass: inList(rules.cities, a.city) },
  ];
  const eligible = verdicts.every((v) => v.pass);
  const lead = a.followers >= rules.leadMinFollowers;
  verdicts.push({ rule: 'leadFollowers', required: rules.leadMinFollowers, actual: a.followers, pass: lead });
  const score =
    40 * Math.min(1, Math.log10(1 + a.followers) / 5) +
    20 * (a.followers > 0 ? Math.min(1, a.avgReads / a.followers / 0.2) : 0) +
    30 * Math.min(1, rate / 0.1) +
    10 * ((inList(rules.categories, a.category) ? 0.5 : 0) + (inList(rules.cities, a.city) ? 0.5 : 0));
  return { verdicts, eligible, leadEligible: eligible && lead, score: Math.round(score * 10) / 10 };
}
