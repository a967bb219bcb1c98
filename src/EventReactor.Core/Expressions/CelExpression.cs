using Cel;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Expressions;

/// <summary>A compiled CEL expression and where it was written.</summary>
public sealed class CelExpression
{
    private readonly CelProgramDelegate _program;

    internal CelExpression(string text, SourceLocation location, CelProgramDelegate program)
    {
        Text = text;
        Location = location;
        _program = program;
    }

    public string Text { get; }

    public SourceLocation Location { get; }

    public object? Evaluate(EvaluationScope scope)
    {
        object? result;
        try
        {
            result = _program(scope.Variables);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ExpressionException(Text, Location, ex.Message, ex);
        }

        // The Cel package answers a missing field with a marker value rather than an error; make it one.
        return result is not null && result.GetType().Name == "CelNoSuchField"
            ? throw new ExpressionException(Text, Location, "no such field; use has(...) to test for an optional one")
            : result;
    }

    public bool EvaluateCondition(EvaluationScope scope) => Evaluate(scope) switch
    {
        bool value => value,
        var other => throw new ExpressionException(Text, Location, $"a condition must be a bool, but this gave {CelValues.Describe(other)}"),
    };

    public override string ToString() => Text;
}
