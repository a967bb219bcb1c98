using EventReactor.Reactor.Ui.Shared;

namespace EventReactor.Reactor.Ui.Pages;

public sealed record RulesModel(IReadOnlyList<string> Files, IReadOnlyList<RuleRow> Rules, DateTimeOffset? LastReload, IReadOnlyList<string> ReloadErrors, Csrf Csrf);
