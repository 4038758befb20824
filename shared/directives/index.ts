export { findComments, commentStylesForPath, type Comment, type CommentStyle } from './comments';
export {
  parseDirectives,
  isSuppressed,
  disableNextLineComment,
  type Directive,
  type DirectiveKind,
  type DirectiveOptions,
  type DirectiveProblem,
  type DirectiveProblemKind,
  type ParsedDirectives,
  type RuleSet,
  type Suppressions,
} from './directives';
