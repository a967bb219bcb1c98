using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>A value with no expression in it.</summary>
public sealed class LiteralTemplate(SourceLocation location, object? value) : ValueTemplate(location)
{
    public object? Value { get; } = value;

    public override ArgumentKind StaticKind => Value switch
    {
        string => ArgumentKind.String,
        long => ArgumentKind.Integer,
        double => ArgumentKind.Number,
        bool => ArgumentKind.Boolean,
        _ => ArgumentKind.Any,
    };

    public override object? Render(EvaluationScope scope) => Value;
}
