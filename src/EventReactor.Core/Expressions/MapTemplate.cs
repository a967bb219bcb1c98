using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>A map whose values are templates.</summary>
public sealed class MapTemplate(SourceLocation location, IReadOnlyList<KeyValuePair<string, ValueTemplate>> entries) : ValueTemplate(location)
{
    public IReadOnlyList<KeyValuePair<string, ValueTemplate>> Entries { get; } = entries;

    public override ArgumentKind StaticKind => ArgumentKind.Map;

    public override object? Render(EvaluationScope scope)
    {
        var map = new Dictionary<string, object?>(Entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in Entries)
        {
            map[key] = value.Render(scope);
        }

        return map;
    }
}
