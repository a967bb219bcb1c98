using Cel;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions.Fast;

namespace EventReactor.Core.Expressions;

/// <summary>
/// A compiled CEL expression and where it was written. Expressions in the common subset run on a fast
/// path that reads the event directly; the rest, and any case the fast path is not certain of, run
/// through the Cel package's delegate, whose answer is the reference.
/// </summary>
public sealed class CelExpression
{
    private readonly CelProgramDelegate _program;
    private readonly FastExpression? _fast;

    internal CelExpression(string text, SourceLocation location, CelProgramDelegate program)
    {
        Text = text;
        Location = location;
        _program = program;
        _fast = FastExpression.TryCompile(text);
    }

    /// <summary>Whether the expression is in the subset the fast path compiles.</summary>
    internal bool HasFastPath => _fast is not null;

    /// <summary>The fast path alone: false where it defers to the package.</summary>
    internal bool TryEvaluateFast(EvaluationScope scope, out object? result)
    {
        result = null;
        return _fast is not null && _fast.TryEvaluate(scope, out result);
    }

    public string Text { get; }

    public SourceLocation Location { get; }

    public object? Evaluate(EvaluationScope scope)
    {
        if (_fast is not null && _fast.TryEvaluate(scope, out var fastResult))
        {
            return fastResult;
        }

        return EvaluateWithPackage(scope);
    }

    /// <summary>The Cel package's answer alone: the reference the fast path is tested against.</summary>
    internal object? EvaluateWithPackage(EvaluationScope scope)
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

    public bool EvaluateCondition(EvaluationScope scope) => AsCondition(Evaluate(scope));

    /// <summary><see cref="EvaluateCondition"/> through the Cel package alone, for comparisons.</summary>
    internal bool EvaluateConditionWithPackage(EvaluationScope scope) => AsCondition(EvaluateWithPackage(scope));

    public override string ToString() => Text;

    private bool AsCondition(object? result) => result switch
    {
        bool value => value,
        var other => throw new ExpressionException(Text, Location, $"a condition must be a bool, but this gave {CelValues.Describe(other)}"),
    };
}
