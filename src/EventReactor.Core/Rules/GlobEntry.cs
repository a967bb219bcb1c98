using EventReactor.Core.Tags;

namespace EventReactor.Core.Rules;

/// <summary>A glob that still has to be tested, and the position of the rule it belongs to.</summary>
internal readonly record struct GlobEntry(int RuleIndex, TagGlob Glob);
