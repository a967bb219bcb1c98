using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>An expression failed while it was evaluated; the message names the expression and where it is written.</summary>
public sealed class ExpressionException(string expression, SourceLocation location, string reason, Exception? inner = null)
    : Exception($"{location}: '{expression}': {reason}", inner)
{
    public string Expression { get; } = expression;

    public SourceLocation Location { get; } = location;

    public string Reason { get; } = reason;
}
