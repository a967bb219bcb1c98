using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>A list whose items are templates.</summary>
public sealed class ListTemplate(SourceLocation location, IReadOnlyList<ValueTemplate> items) : ValueTemplate(location)
{
    public IReadOnlyList<ValueTemplate> Items { get; } = items;

    public override ArgumentKind StaticKind => ArgumentKind.List;

    public override object? Render(EvaluationScope scope) => Items.Select(item => item.Render(scope)).ToList();
}
