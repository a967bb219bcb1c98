using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>An argument value as written in a rule: a literal, an expression, a string with interpolations, a map or a list.</summary>
public abstract class ValueTemplate(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>The kind the value is known to have before rendering; <see cref="ArgumentKind.Any"/> when an expression decides.</summary>
    public abstract ArgumentKind StaticKind { get; }

    public abstract object? Render(EvaluationScope scope);
}
