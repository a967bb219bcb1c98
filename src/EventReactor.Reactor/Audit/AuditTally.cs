namespace EventReactor.Reactor.Audit;

/// <summary>The audit over a window, counted per rule and per failing action: what rule health is judged on.</summary>
internal sealed record AuditTally(IReadOnlyList<RuleAuditTally> Rules, IReadOnlyList<ActionFailureTally> ActionFailures);
