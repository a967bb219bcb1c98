using EventReactor.Core.Expressions;

namespace EventReactor.Core.Rules;

/// <summary><c>throttle: { once_within: 30s, key: ${{ event.minion }} }</c>: act at most once per key per window.</summary>
public sealed record ThrottlePolicy(TimeSpan OnceWithin, ValueTemplate? Key);
