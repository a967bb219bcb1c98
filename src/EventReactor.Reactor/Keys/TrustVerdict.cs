using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Keys;

/// <summary>Why no rule may act on an event: <see cref="RuleOutcome.Rejected"/> (identity) or <see cref="RuleOutcome.Untrusted"/> (key), and the detail audited.</summary>
internal sealed record TrustVerdict(RuleOutcome Outcome, string Detail);
