using EventReactor.Core.Evaluation;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>A dry run's answer: the parsed event's tag and every verdict, or why the pasted text is not an event.</summary>
public sealed record DryRunModel(string? Tag, IReadOnlyList<RuleVerdict> Verdicts, string? Error);
