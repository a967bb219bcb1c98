using EventReactor.Reactor.Ui.Queries;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>A rule in force with what the audit says of it (null hits: never matched).</summary>
public sealed record RuleRow(string Name, string Location, IReadOnlyList<string> On, string? Description, bool Enabled, RuleHits? Hits);
