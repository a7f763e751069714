// The brief before a check-in (brief.ts: the data; briefMarkdown.ts: the page, the CLI's and the tool's text).
export {
  BRIEF_CHECK_INS,
  commitsSince,
  partnerBrief,
  type BriefCommit,
  type BriefCommitsInput,
  type BriefData,
  type BriefOptions,
} from './brief';
export { blockSafe, briefMarkdown, type BriefMarkdownOptions } from './briefMarkdown';
