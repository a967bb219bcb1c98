using EventReactor.Core.Expressions;

namespace EventReactor.Core.Targeting;

/// <summary>What target and pool selector expressions see: <c>id</c>, <c>grains</c> (empty until reported) and <c>pools</c>.</summary>
public static class TargetVariables
{
    public static EvaluationScope For(TargetCandidate candidate) => EvaluationScope.ForVariables(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["id"] = candidate.Id,
        ["grains"] = candidate.Grains is { ValueKind: System.Text.Json.JsonValueKind.Object } grains
            ? CelValues.FromJsonObject(grains)
            : new Dictionary<string, object?>(StringComparer.Ordinal),
        ["pools"] = candidate.Pools.Order(StringComparer.Ordinal).Cast<object?>().ToList(),
    });

    /// <summary>Whether a selector holds for a candidate; an expression error (e.g. a grain it lacks) means it does not.</summary>
    public static bool Holds(CelExpression expression, TargetCandidate candidate)
    {
        try
        {
            return expression.EvaluateCondition(For(candidate));
        }
        catch (ExpressionException)
        {
            return false;
        }
    }
}
