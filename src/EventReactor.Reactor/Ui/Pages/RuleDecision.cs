using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>What one rule did with one event and why, or why it did not act.</summary>
public sealed record RuleDecision(string Rule, string Location, string Outcome, string? Reason, IReadOnlyList<ActionAudit> Actions);
