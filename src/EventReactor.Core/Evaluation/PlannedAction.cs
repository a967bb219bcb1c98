using EventReactor.Core.Rules;

namespace EventReactor.Core.Evaluation;

/// <summary>An action of an acting rule with its arguments rendered for the event, or the reason they could not be.</summary>
public sealed record PlannedAction(int Index, RuleAction Action, IReadOnlyDictionary<string, object?>? Arguments, string? RenderError, RetryPolicy Retry);
