using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions.Runtime;

namespace EventReactor.Core.Expressions;

/// <summary>A compiled CEL expression and where it was written.</summary>
public sealed class CelExpression
{
    private readonly CelProgram _program;

    internal CelExpression(string text, SourceLocation location, CelProgram program)
    {
        Text = text;
        Location = location;
        _program = program;
    }

    public string Text { get; }

    public SourceLocation Location { get; }

    public object? Evaluate(EvaluationScope scope)
    {
        try
        {
            return _program.Evaluate(scope);
        }
        catch (CelError error)
        {
            throw new ExpressionException(Text, Location, error.Message, error);
        }
    }

    public bool EvaluateCondition(EvaluationScope scope) => Evaluate(scope) switch
    {
        bool value => value,
        var other => throw new ExpressionException(Text, Location, $"a condition must be a bool, but this gave {CelValues.Describe(other)}"),
    };

    public override string ToString() => Text;
}
